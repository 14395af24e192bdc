namespace DirectAccess.Client.Errors;

/// <summary>
/// The user pool asked for a challenge this SDK does not answer (e.g. <c>SMS_MFA</c>, <c>SOFTWARE_TOKEN_MFA</c>), or
/// <c>NEW_PASSWORD_REQUIRED</c> when no callback was given. Sign-in stops (fail closed).
/// </summary>
public sealed class UnsupportedChallengeException(string challengeName)
    : Exception($"Sign-in needs the '{challengeName}' challenge, which this client does not answer (for NEW_PASSWORD_REQUIRED pass a callback in SignInOptions).")
{
    /// <summary>The challenge name.</summary>
    public string ChallengeName { get; } = challengeName;
}
