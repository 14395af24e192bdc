using System.Net;
using DirectAccess.Local.Auth.Iam;
using DirectAccess.Local.Auth.Tests.Support;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>
/// The context keys the authorizer sets, observed through policies that only allow when each key has the value it
/// must have, over a real loopback connection (so aws:SourceIp and aws:SecureTransport come from the socket).
/// </summary>
public sealed class ContextKeyTests
{
    private const string RoleArn = "arn:aws:iam::000000000000:role/probe";
    private const string PoolId = "us-east-1:99999999-0000-0000-0000-000000000000";

    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private static readonly CallerIdentity Caller = new("ASIAPROBE", "s", "t", null, false, RoleArn,
        "arn:aws:sts::000000000000:assumed-role/probe/CognitoIdentityCredentials", "AROAPROBE:CognitoIdentityCredentials",
        "us-east-1:12345678-0000-0000-0000-000000000000", PoolId,
        ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_Probe", "cognito-idp.us-east-1.amazonaws.com/us-east-1_Probe:CognitoSignIn:u1"]);

    private static string Statement(string sid, string condition, string? resource = null) =>
        $$"""{"Sid":"{{sid}}","Effect":"Allow","Action":"s3:GetObject","Resource":"{{resource ?? $"arn:aws:s3:::probe/{sid}/${{aws:userid}}/${{cognito-identity.amazonaws.com:sub}}"}}","Condition":{{condition}}}""";

    private static readonly string Policy = $$"""
        {"Version":"2012-10-17","Statement":[
          {{Statement("ip", """{"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}""")}},
          {{Statement("otherip", """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""")}},
          {{Statement("http", """{"Bool":{"aws:SecureTransport":"false"}}""")}},
          {{Statement("https", """{"Bool":{"aws:SecureTransport":"true"}}""")}},
          {{Statement("principal", """{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::000000000000:role/probe"}}""")}},
          {{Statement("region", """{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}""")}},
          {{Statement("aud", """{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:99999999-0000-0000-0000-000000000000"}}""")}},
          {{Statement("amr", """{"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"*:CognitoSignIn:u1"}}""")}},
          {{Statement("epoch", """{"NumericGreaterThan":{"aws:EpochTime":"1700000000"}}""")}},
          {{Statement("time", """{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}""")}},
          {{Statement("past", """{"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}""")}},
          {{Statement("prefix", """{"StringEquals":{"s3:prefix":"mine/"}}""")}},
          {{Statement("account", """{"StringEquals":{"aws:PrincipalAccount":"000000000000","aws:PrincipalType":"AssumedRole","aws:FederatedProvider":"cognito-identity.amazonaws.com"}}""")}},
          {{Statement("forged", """{"StringEquals":{"aws:userid":"AROAOTHER:someone"}}""", "arn:aws:s3:::probe/forged/*")}},
          {{Statement("unforged", """{"StringEquals":{"aws:userid":"AROAPROBE:CognitoIdentityCredentials"}}""", "arn:aws:s3:::probe/unforged/*")}}
        ]}
        """;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var role = new RoleModel("Probe", "probe", RoleArn, PolicyDocument.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}""", "trust"),
            [PolicyDocument.Parse(Policy, "probe.json")], TimeSpan.FromHours(1));
        var authorizer = new IamAccessAuthorizer(new RolePolicies([role]), "us-east-1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async context =>
        {
            var sid = context.Request.Query["sid"].ToString();
            var keys = new Dictionary<string, string[]>();
            if (context.Request.Query.ContainsKey("prefix"))
            {
                keys["s3:prefix"] = [context.Request.Query["prefix"].ToString()];
            }

            if (context.Request.Query.ContainsKey("forge"))
            {
                keys["aws:userid"] = ["AROAOTHER:someone"];
            }

            var result = authorizer.Authorize(Caller, "s3:GetObject", $"arn:aws:s3:::probe/{sid}/{Caller.UserId}/{Caller.IdentityId}", context.Request, keys);
            await context.Response.WriteAsync(result.Decision.Kind.ToString());
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("ip", "Allow")]
    [TestCase("otherip", "ImplicitDeny")]
    [TestCase("http", "Allow")]
    [TestCase("https", "ImplicitDeny")]
    [TestCase("principal", "Allow")]
    [TestCase("region", "Allow")]
    [TestCase("aud", "Allow")]
    [TestCase("amr", "Allow")]
    [TestCase("epoch", "Allow")]
    [TestCase("time", "Allow")]
    [TestCase("past", "ImplicitDeny")]
    [TestCase("prefix", "ImplicitDeny")]
    [TestCase("account", "Allow")]
    public async Task Each_context_key_carries_the_value_IAM_would_set(string statement, string expected)
    {
        Assert.That(await _http.GetStringAsync($"/?sid={statement}"), Is.EqualTo(expected));
    }

    [Test]
    public async Task Service_keys_are_passed_to_the_policy()
    {
        Assert.That(await _http.GetStringAsync("/?sid=prefix&prefix=mine/"), Is.EqualTo("Allow"));
        Assert.That(await _http.GetStringAsync("/?sid=prefix&prefix=yours/"), Is.EqualTo("ImplicitDeny"));
    }

    [Test]
    public async Task Service_keys_cannot_replace_the_callers_own_keys()
    {
        // Control: the fixed-resource statement does allow when aws:userid is the caller's own.
        Assert.That(await _http.GetStringAsync("/?sid=unforged&forge=1"), Is.EqualTo("Allow"));
        Assert.That(await _http.GetStringAsync("/?sid=forged&forge=1"), Is.EqualTo("ImplicitDeny"));
    }
}
