using DirectAccess.Client;
using DirectAccess.Client.Config;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>Opens a signed-in session from the stored login (refresh token → ID token → identity-pool credentials).</summary>
public static class SessionOpener
{
    /// <summary>Resumes the stored login for <paramref name="config"/>.</summary>
    /// <param name="config">The stack.</param>
    /// <param name="role">Role ARN to pick among the token's <c>cognito:roles</c> (<c>CustomRoleArn</c>); null = the pool's choice.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="NotSignedInException">No stored login.</exception>
    public static async Task<DirectAccessSession> OpenAsync(DirectAccessConfig config, string? role, CancellationToken ct)
    {
        var login = StoredLogin.Load(config) ?? throw new NotSignedInException("not signed in: run 'directaccess login' first");
        return await DirectAccessSession.ResumeAsync(config, login.RefreshToken, login.Username, RoleOptions(role), ct);
    }

    /// <summary>Sign-in options that pick <paramref name="role"/> when given, failing clearly when the token does not offer it.</summary>
    public static SignInOptions RoleOptions(string? role) => role is null
        ? new SignInOptions()
        : new SignInOptions
        {
            SelectRole = roles => roles.FirstOrDefault(r => r == role || r.EndsWith("/" + role, StringComparison.Ordinal))
                ?? throw new InvalidDataException($"role '{role}' is not among this user's cognito:roles: {string.Join(", ", roles)}"),
        };
}

/// <summary>The command needs a signed-in user and there is none.</summary>
public sealed class NotSignedInException(string message) : Exception(message);
