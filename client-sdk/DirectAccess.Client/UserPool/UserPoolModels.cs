namespace DirectAccess.Client.UserPool;

// Request/response shapes of the cognito-idp 2016-04-18 service model (botocore), for the operations used here.
// Property names are the wire names.

/// <summary><c>InitiateAuth</c> request: <c>AuthFlow</c> (<c>USER_SRP_AUTH</c>, <c>USER_PASSWORD_AUTH</c>, <c>REFRESH_TOKEN_AUTH</c>), <c>AuthParameters</c>, <c>ClientId</c>.</summary>
public sealed class InitiateAuthRequest
{
    /// <summary>The flow name.</summary>
    public required string AuthFlow { get; init; }

    /// <summary>Flow parameters (<c>USERNAME</c>, <c>SRP_A</c>, <c>PASSWORD</c>, <c>REFRESH_TOKEN</c>, <c>SECRET_HASH</c>).</summary>
    public Dictionary<string, string> AuthParameters { get; init; } = [];

    /// <summary>App client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>Passed to Lambda triggers; optional.</summary>
    public Dictionary<string, string>? ClientMetadata { get; init; }
}

/// <summary><c>InitiateAuth</c>/<c>RespondToAuthChallenge</c> response: either a challenge or the tokens.</summary>
public sealed class InitiateAuthResponse
{
    /// <summary>The next challenge (<c>PASSWORD_VERIFIER</c>, <c>NEW_PASSWORD_REQUIRED</c>, ...), or null with tokens.</summary>
    public string? ChallengeName { get; init; }

    /// <summary>Opaque session to echo in the answer.</summary>
    public string? Session { get; init; }

    /// <summary>Challenge parameters (<c>SALT</c>, <c>SRP_B</c>, <c>SECRET_BLOCK</c>, <c>USER_ID_FOR_SRP</c>, <c>USERNAME</c>, ...).</summary>
    public Dictionary<string, string>? ChallengeParameters { get; init; }

    /// <summary>The tokens when sign-in is complete.</summary>
    public AuthenticationResultType? AuthenticationResult { get; init; }
}

/// <summary><c>RespondToAuthChallenge</c> request.</summary>
public sealed class RespondToAuthChallengeRequest
{
    /// <summary>App client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The challenge being answered.</summary>
    public required string ChallengeName { get; init; }

    /// <summary>The session of the challenge, when one was sent.</summary>
    public string? Session { get; init; }

    /// <summary>Answers (<c>USERNAME</c>, <c>PASSWORD_CLAIM_SIGNATURE</c>, <c>NEW_PASSWORD</c>, ...).</summary>
    public Dictionary<string, string> ChallengeResponses { get; init; } = [];
}

/// <summary>Tokens from a completed sign-in (<c>AuthenticationResultType</c>). <c>ExpiresIn</c> is in seconds.</summary>
public sealed class AuthenticationResultType
{
    /// <summary>Access token (JWT).</summary>
    public string? AccessToken { get; init; }

    /// <summary>Lifetime of the access and ID tokens in seconds.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>Always <c>Bearer</c>.</summary>
    public string? TokenType { get; init; }

    /// <summary>Refresh token (absent on <c>REFRESH_TOKEN_AUTH</c> unless rotation is on).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>ID token (JWT) — the value the identity pool's <c>Logins</c> map takes.</summary>
    public string? IdToken { get; init; }
}

/// <summary><c>GlobalSignOut</c> request: revokes every refresh token of the user.</summary>
public sealed class GlobalSignOutRequest
{
    /// <summary>A valid access token of the user.</summary>
    public required string AccessToken { get; init; }
}

/// <summary><c>GlobalSignOut</c> response (empty).</summary>
public sealed class GlobalSignOutResponse;

/// <summary>A user attribute (<c>AttributeType</c>).</summary>
public sealed class AttributeType
{
    /// <summary>Name, e.g. <c>email</c>, <c>custom:team</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Value.</summary>
    public string? Value { get; init; }
}

/// <summary><c>AdminCreateUser</c> request.</summary>
public sealed class AdminCreateUserRequest
{
    /// <summary>User pool id.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>User name.</summary>
    public required string Username { get; init; }

    /// <summary>Attributes, e.g. <c>email</c>.</summary>
    public List<AttributeType>? UserAttributes { get; init; }

    /// <summary>Temporary password (the user must change it: <c>NEW_PASSWORD_REQUIRED</c>).</summary>
    public string? TemporaryPassword { get; init; }

    /// <summary><c>SUPPRESS</c> to send no invitation; <c>RESEND</c>.</summary>
    public string? MessageAction { get; init; }
}

/// <summary><c>AdminCreateUser</c> response.</summary>
public sealed class AdminCreateUserResponse
{
    /// <summary>The created user.</summary>
    public UserType? User { get; init; }
}

/// <summary>A user as the admin APIs describe it (<c>UserType</c>). Dates are epoch seconds.</summary>
public sealed class UserType
{
    /// <summary>User name.</summary>
    public string? Username { get; init; }

    /// <summary>Attributes (includes <c>sub</c>).</summary>
    public List<AttributeType>? Attributes { get; init; }

    /// <summary><c>FORCE_CHANGE_PASSWORD</c>, <c>CONFIRMED</c>, ...</summary>
    public string? UserStatus { get; init; }

    /// <summary>Whether the user may sign in.</summary>
    public bool Enabled { get; init; }
}

/// <summary><c>AdminSetUserPassword</c> request.</summary>
public sealed class AdminSetUserPasswordRequest
{
    /// <summary>User pool id.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>User name.</summary>
    public required string Username { get; init; }

    /// <summary>The new password.</summary>
    public required string Password { get; init; }

    /// <summary>True: status <c>CONFIRMED</c>; false: the user must change it at next sign-in.</summary>
    public bool Permanent { get; init; }
}

/// <summary><c>AdminAddUserToGroup</c> / <c>AdminRemoveUserFromGroup</c> request.</summary>
public sealed class AdminUserGroupRequest
{
    /// <summary>User pool id.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>User name.</summary>
    public required string Username { get; init; }

    /// <summary>Group name.</summary>
    public required string GroupName { get; init; }
}

/// <summary><c>AdminDeleteUser</c> request.</summary>
public sealed class AdminDeleteUserRequest
{
    /// <summary>User pool id.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>User name.</summary>
    public required string Username { get; init; }
}

/// <summary>An operation with an empty response body.</summary>
public sealed class EmptyResponse;
