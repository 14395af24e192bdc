using System.Text.Json;
using DirectAccess.Client.Errors;
using DirectAccess.Client.UserPool.Srp;

namespace DirectAccess.Client.UserPool;

/// <summary>
/// Runs the user pool sign-in flows against <see cref="CognitoUserPoolClient"/>: <c>USER_SRP_AUTH</c> +
/// <c>PASSWORD_VERIFIER</c>, <c>USER_PASSWORD_AUTH</c>, <c>REFRESH_TOKEN_AUTH</c>, and the
/// <c>NEW_PASSWORD_REQUIRED</c> challenge through a callback (InitiateAuth / RespondToAuthChallenge API reference).
/// </summary>
public sealed class UserPoolAuthenticator
{
    private const int MaxChallengeRounds = 5;

    private readonly CognitoUserPoolClient _client;
    private readonly string _userPoolId;
    private readonly string _clientId;
    private readonly Func<DateTime> _serverUtcNow;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="client">Transport.</param>
    /// <param name="userPoolId">Pool id (<c>&lt;region&gt;_&lt;id&gt;</c>); the SRP pool name is the part after <c>_</c>.</param>
    /// <param name="clientId">App client id (no secret).</param>
    /// <param name="serverUtcNow">Clock for the SRP <c>TIMESTAMP</c> (skew-corrected).</param>
    public UserPoolAuthenticator(CognitoUserPoolClient client, string userPoolId, string clientId, Func<DateTime>? serverUtcNow = null)
    {
        _client = client;
        _userPoolId = userPoolId;
        _clientId = clientId;
        _serverUtcNow = serverUtcNow ?? (() => DateTime.UtcNow);
    }

    /// <summary>Signs in with user name and password.</summary>
    /// <param name="username">User name (or alias the pool accepts).</param>
    /// <param name="password">Password.</param>
    /// <param name="flow">SRP (default) or plain password.</param>
    /// <param name="newPassword">Answers <c>NEW_PASSWORD_REQUIRED</c>; without it that challenge throws.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="NotAuthorizedException">Wrong user name or password.</exception>
    /// <exception cref="UserNotConfirmedException">The account is not confirmed.</exception>
    /// <exception cref="PasswordResetRequiredException">A reset is required.</exception>
    /// <exception cref="UnsupportedChallengeException">A challenge this SDK does not answer (MFA, ...), or <c>NEW_PASSWORD_REQUIRED</c> without a callback.</exception>
    public async Task<UserPoolTokens> SignInAsync(string username, string password, SignInFlow flow = SignInFlow.Srp,
        Func<NewPasswordChallenge, CancellationToken, Task<NewPasswordAnswer>>? newPassword = null, CancellationToken ct = default)
    {
        SrpSession? srp = null;
        InitiateAuthResponse response;
        if (flow == SignInFlow.Srp)
        {
            srp = new SrpSession();
            response = await _client.InitiateAuthAsync(new InitiateAuthRequest
            {
                AuthFlow = "USER_SRP_AUTH",
                ClientId = _clientId,
                AuthParameters = new() { ["USERNAME"] = username, ["SRP_A"] = srp.PublicAHex },
            }, ct).ConfigureAwait(false);
        }
        else
        {
            response = await _client.InitiateAuthAsync(new InitiateAuthRequest
            {
                AuthFlow = "USER_PASSWORD_AUTH",
                ClientId = _clientId,
                AuthParameters = new() { ["USERNAME"] = username, ["PASSWORD"] = password },
            }, ct).ConfigureAwait(false);
        }

        // Bounded: each round answers one challenge; a server that loops is refused.
        for (var round = 0; round < MaxChallengeRounds; round++)
        {
            if (response.AuthenticationResult is { } done)
            {
                return UserPoolTokens.From(done);
            }

            var parameters = response.ChallengeParameters ?? [];
            var challengeUser = parameters.GetValueOrDefault("USERNAME") ?? username;
            switch (response.ChallengeName)
            {
                case "PASSWORD_VERIFIER" when srp is not null:
                    response = await _client.RespondToAuthChallengeAsync(AnswerPasswordVerifier(srp, password, parameters, response.Session), ct).ConfigureAwait(false);
                    break;
                case "NEW_PASSWORD_REQUIRED" when newPassword is not null:
                    var required = ParseRequiredAttributes(parameters.GetValueOrDefault("requiredAttributes"));
                    var answer = await newPassword(new NewPasswordChallenge(challengeUser, required), ct).ConfigureAwait(false);
                    var responses = new Dictionary<string, string> { ["USERNAME"] = challengeUser, ["NEW_PASSWORD"] = answer.NewPassword };
                    foreach (var (name, value) in answer.Attributes ?? new Dictionary<string, string>())
                    {
                        responses["userAttributes." + name] = value;
                    }

                    response = await _client.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
                    {
                        ClientId = _clientId,
                        ChallengeName = "NEW_PASSWORD_REQUIRED",
                        Session = response.Session,
                        ChallengeResponses = responses,
                    }, ct).ConfigureAwait(false);
                    break;
                default:
                    throw new UnsupportedChallengeException(response.ChallengeName ?? "(none)");
            }
        }

        throw new UnsupportedChallengeException($"more than {MaxChallengeRounds} challenges");
    }

    /// <summary><c>REFRESH_TOKEN_AUTH</c>: new ID and access tokens from a refresh token.</summary>
    /// <exception cref="NotAuthorizedException">The refresh token is expired or revoked (e.g. after <c>GlobalSignOut</c>).</exception>
    public async Task<UserPoolTokens> RefreshAsync(string refreshToken, CancellationToken ct = default)
    {
        var response = await _client.InitiateAuthAsync(new InitiateAuthRequest
        {
            AuthFlow = "REFRESH_TOKEN_AUTH",
            ClientId = _clientId,
            AuthParameters = new() { ["REFRESH_TOKEN"] = refreshToken },
        }, ct).ConfigureAwait(false);
        return response.AuthenticationResult is { } result
            ? UserPoolTokens.From(result, refreshToken)
            : throw new UnsupportedChallengeException(response.ChallengeName ?? "(none)");
    }

    private RespondToAuthChallengeRequest AnswerPasswordVerifier(SrpSession srp, string password, Dictionary<string, string> parameters, string? session)
    {
        string Param(string name) => parameters.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw new UnsupportedChallengeException($"PASSWORD_VERIFIER without {name}");

        var userId = Param("USER_ID_FOR_SRP");
        var poolName = _userPoolId[(_userPoolId.IndexOf('_') + 1)..];
        var key = srp.DeriveKey(poolName, userId, password, Param("SALT"), Param("SRP_B"));
        var timestamp = SrpTimestamp.Format(_serverUtcNow());
        return new RespondToAuthChallengeRequest
        {
            ClientId = _clientId,
            ChallengeName = "PASSWORD_VERIFIER",
            Session = session,
            ChallengeResponses = new()
            {
                ["USERNAME"] = parameters.GetValueOrDefault("USERNAME") ?? userId,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = Param("SECRET_BLOCK"),
                ["PASSWORD_CLAIM_SIGNATURE"] = SrpSession.Signature(key, poolName, userId, Param("SECRET_BLOCK"), timestamp),
                ["TIMESTAMP"] = timestamp,
            },
        };
    }

    // Cognito sends requiredAttributes as a JSON array in a string, names prefixed "userAttributes.".
    private static IReadOnlyList<string> ParseRequiredAttributes(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<string[]>(json) ?? [])
                .Select(a => a.StartsWith("userAttributes.", StringComparison.Ordinal) ? a["userAttributes.".Length..] : a)
                .ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
