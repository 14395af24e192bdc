namespace DirectAccess.Client.UserPool;

/// <summary>How the password is proven to the user pool.</summary>
public enum SignInFlow
{
    /// <summary><c>USER_SRP_AUTH</c>: Secure Remote Password; the password never leaves the machine (default).</summary>
    Srp,

    /// <summary><c>USER_PASSWORD_AUTH</c>: the password is sent (over TLS on AWS); for pools or peers without SRP.</summary>
    Password,
}
