using System.Text;
using System.Text.Json;
using DirectAccess.Local.UserPools.Users;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.UserPools.Tests.Support;

/// <summary>Test set-up steps and small readers.</summary>
public static class Arrange
{
    public const string Password = "Correct-Horse-9";

    private static int _counter;

    /// <summary>A fresh username, unique within the test run.</summary>
    public static string Username(string stem = "user") => $"{stem}{Interlocked.Increment(ref _counter)}x{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>SignUp + ConfirmSignUp over HTTP, reading the code from the log. Returns the <c>UserSub</c>.</summary>
    public static async Task<string> ConfirmedUserAsync(UserPoolTestHost host, CognitoTestClient client, string username,
        string password = Password, string? email = null)
    {
        var signUp = await client.CallAsync("SignUp", new
        {
            ClientId = UserPoolTestHost.AllFlowsClientId,
            Username = username,
            Password = password,
            UserAttributes = new[] { new { Name = "email", Value = email ?? $"{username}@example.com" } },
        });
        Assert.That(signUp.Ok, Is.True, signUp.ToString());
        var confirm = await client.CallAsync("ConfirmSignUp", new
        {
            ClientId = UserPoolTestHost.AllFlowsClientId,
            Username = username,
            ConfirmationCode = host.Log.ConfirmationCodeFor(username),
        });
        Assert.That(confirm.Ok, Is.True, confirm.ToString());
        return signUp.Body.GetProperty("UserSub").GetString()!;
    }

    /// <summary>Puts the user in groups directly through the store (the admin API has its own tests).</summary>
    public static void JoinGroups(UserPoolTestHost host, string username, params string[] groups)
    {
        var store = host.Services.GetRequiredService<UserStore>();
        foreach (var group in groups)
        {
            store.AddToGroup(UserPoolTestHost.PoolId, UserRecord.KeyOf(username), group);
        }
    }

    /// <summary>The JWT's payload as JSON (not verified).</summary>
    public static JsonElement Payload(string jwt) => Part(jwt, 1);

    /// <summary>The JWT's header as JSON.</summary>
    public static JsonElement Header(string jwt) => Part(jwt, 0);

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static JsonElement Part(string jwt, int index)
    {
        var part = jwt.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
        return document.RootElement.Clone();
    }
}
