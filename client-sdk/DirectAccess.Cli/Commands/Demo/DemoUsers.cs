using System.Security.Cryptography;

namespace DirectAccess.Cli.Commands.Demo;

/// <summary>The demo's people: one per group, each with a fresh password that meets the template's policy.</summary>
public sealed record DemoUser(string Username, string Group, string Password)
{
    /// <summary>alice (uploaders), bob (viewers), carol (admins).</summary>
    public static IReadOnlyList<DemoUser> Create() =>
    [
        new("alice", "uploaders", NewPassword()),
        new("bob", "viewers", NewPassword()),
        new("carol", "admins", NewPassword()),
    ];

    // 12+ characters with upper, lower and digits: what the template's PasswordPolicy demands.
    private static string NewPassword() => "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "-pw";
}
