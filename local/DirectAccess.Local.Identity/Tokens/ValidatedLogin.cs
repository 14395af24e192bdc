namespace DirectAccess.Local.Identity.Tokens;

/// <summary>A user pool ID token that passed every check, with what the identity pool needs from it.</summary>
/// <param name="ProviderName"><c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c> (the <c>Logins</c> key).</param>
/// <param name="Sub">The user's <c>sub</c>.</param>
/// <param name="ClientId">The app client id (<c>aud</c>).</param>
/// <param name="Token">The verified token, for role resolution from its claims.</param>
public sealed record ValidatedLogin(string ProviderName, string Sub, string ClientId, CompactJwt Token)
{
    /// <summary>The identity's <c>amr</c> for this login (REFERENCE §2):
    /// <c>authenticated</c>, the provider, and <c>&lt;provider&gt;:CognitoSignIn:&lt;sub&gt;</c>.</summary>
    public IReadOnlyList<string> Amr => ["authenticated", ProviderName, $"{ProviderName}:CognitoSignIn:{Sub}"];
}
