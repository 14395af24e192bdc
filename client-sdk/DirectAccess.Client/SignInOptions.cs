using DirectAccess.Client.Credentials;
using DirectAccess.Client.UserPool;

namespace DirectAccess.Client;

/// <summary>Options of <see cref="DirectAccessSession.SignInAsync"/> and <see cref="DirectAccessSession.ResumeAsync"/>.</summary>
public sealed record SignInOptions
{
    /// <summary>SRP (default) or plain password sign-in.</summary>
    public SignInFlow Flow { get; init; } = SignInFlow.Srp;

    /// <summary>Answers <c>NEW_PASSWORD_REQUIRED</c> (first sign-in of an admin-created user); without it that challenge fails sign-in.</summary>
    public Func<NewPasswordChallenge, CancellationToken, Task<NewPasswordAnswer>>? NewPasswordRequired { get; init; }

    /// <summary>Identity pool flow, <c>CustomRoleArn</c>, refresh-ahead window, data directory for the identity-id cache.</summary>
    public IdentityPoolCredentialsOptions Credentials { get; init; } = new();

    /// <summary>
    /// Picks the role from the token's <c>cognito:roles</c> after sign-in (return null for the pool's default choice);
    /// the result becomes <see cref="IdentityPoolCredentialsOptions.CustomRoleArn"/>. Ignored when that is already set.
    /// </summary>
    public Func<IReadOnlyList<string>, string?>? SelectRole { get; init; }

    /// <summary>Directory for upload journals (default <see cref="Config.DataDirectory.Default"/>: <c>DIRECTACCESS_HOME</c> or <c>~/.directaccess</c>).</summary>
    public string DataDirectory { get; init; } = Config.DataDirectory.Default;

    /// <summary>HTTP client to use (not disposed by the session); default: one per session, pooled connections, 10-minute request timeout.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Fetch credentials during sign-in so errors surface there and <see cref="DirectAccessSession.Identity"/> is complete (default true).</summary>
    public bool FetchCredentialsOnSignIn { get; init; } = true;
}
