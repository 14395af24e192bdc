using DirectAccess.Local.UserPools.Tests.Support;
using DirectAccess.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>A restart on the same data directory keeps users, groups, refresh tokens and the signing key.</summary>
public sealed class DurabilityTests
{
    [Test]
    public async Task Restart_keeps_users_refresh_tokens_and_the_signing_key()
    {
        using var dataDir = new TempDirectory("userpools-durable");
        var username = Arrange.Username("durable");
        string idToken, refreshToken, jwksBefore;
        await using (var host = await UserPoolTestHost.StartAsync(dataDir.Path))
        {
            using var client = host.Client();
            await Arrange.ConfirmedUserAsync(host, client, username);
            Arrange.JoinGroups(host, username, "admins");
            var signIn = await client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
            Assert.That(signIn.Ok, Is.True, signIn.ToString());
            idToken = signIn.Result.GetProperty("IdToken").GetString()!;
            refreshToken = signIn.Result.GetProperty("RefreshToken").GetString()!;
            jwksBefore = (await client.GetAsync($"/{UserPoolTestHost.PoolId}/.well-known/jwks.json")).Body;
        }

        await using (var host = await UserPoolTestHost.StartAsync(dataDir.Path))
        {
            using var client = host.Client();
            var signIn = await client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
            var refreshed = await client.RefreshAsync(UserPoolTestHost.AllFlowsClientId, refreshToken);
            var jwksAfter = (await client.GetAsync($"/{UserPoolTestHost.PoolId}/.well-known/jwks.json")).Body;

            Assert.That(signIn.Ok, Is.True, signIn.ToString());
            Assert.That(Arrange.Strings(Arrange.Payload(signIn.Result.GetProperty("IdToken").GetString()!).GetProperty("cognito:groups")),
                Is.EqualTo(new[] { "admins" }));
            Assert.That(refreshed.Ok, Is.True, refreshed.ToString());
            Assert.That(jwksAfter, Is.EqualTo(jwksBefore));
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
            {
                ValidIssuer = $"https://cognito-idp.us-east-1.amazonaws.com/{UserPoolTestHost.PoolId}",
                ValidAudience = UserPoolTestHost.AllFlowsClientId,
                IssuerSigningKeys = new JsonWebKeySet(jwksAfter).GetSigningKeys(),
            });
            Assert.That(validation.IsValid, Is.True, "a token issued before the restart still validates: " + validation.Exception?.Message);
        }
    }

    [Test]
    public async Task The_signing_key_file_is_private_to_its_owner()
    {
        await using var host = await UserPoolTestHost.StartAsync();
        var keyFile = Path.Combine(host.DataDir, "userpools", "keys", UserPoolTestHost.PoolId + ".pem");

        Assert.That(File.Exists(keyFile), Is.True);
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }
}
