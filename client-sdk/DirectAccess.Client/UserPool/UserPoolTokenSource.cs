using DirectAccess.Client.Http;

namespace DirectAccess.Client.UserPool;

/// <summary>
/// Holds the current user pool tokens and renews them with <c>REFRESH_TOKEN_AUTH</c> when the ID token has expired
/// (or will within <see cref="RenewMargin"/>). One renewal at a time; concurrent callers wait for it. Thread-safe.
/// </summary>
public sealed class UserPoolTokenSource
{
    private readonly UserPoolAuthenticator _authenticator;
    private readonly ClockSkew _skew;
    private readonly SemaphoreSlim _renewLock = new(1, 1);
    private UserPoolTokens _current;

    /// <summary>Creates the source with tokens from a sign-in.</summary>
    public UserPoolTokenSource(UserPoolAuthenticator authenticator, UserPoolTokens initial, ClockSkew skew)
    {
        _authenticator = authenticator;
        _current = initial;
        _skew = skew;
    }

    /// <summary>ID tokens closer than this to expiry are renewed before use (default 60 seconds).</summary>
    public TimeSpan RenewMargin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The latest tokens (may be expired; use <see cref="GetValidTokensAsync"/> before sending one).</summary>
    public UserPoolTokens Current => Volatile.Read(ref _current);

    /// <summary>Number of <c>REFRESH_TOKEN_AUTH</c> renewals done (diagnostics).</summary>
    public int RenewCount { get; private set; }

    /// <summary>Tokens whose ID token is valid for at least <see cref="RenewMargin"/>, renewing first when needed.</summary>
    /// <exception cref="Errors.NotAuthorizedException">The refresh token is expired or revoked: sign in again.</exception>
    /// <exception cref="InvalidOperationException">The tokens expired and there is no refresh token.</exception>
    public async Task<UserPoolTokens> GetValidTokensAsync(CancellationToken ct = default)
    {
        var tokens = Current;
        if (!NeedsRenewal(tokens))
        {
            return tokens;
        }

        await _renewLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            tokens = Current;
            if (!NeedsRenewal(tokens))
            {
                return tokens;
            }

            return await RenewCoreAsync(tokens, ct).ConfigureAwait(false);
        }
        finally
        {
            _renewLock.Release();
        }
    }

    /// <summary>Renews now, whatever the expiry (e.g. after the identity pool said the token expired).</summary>
    public async Task<UserPoolTokens> RenewAsync(CancellationToken ct = default)
    {
        await _renewLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await RenewCoreAsync(Current, ct).ConfigureAwait(false);
        }
        finally
        {
            _renewLock.Release();
        }
    }

    private async Task<UserPoolTokens> RenewCoreAsync(UserPoolTokens tokens, CancellationToken ct)
    {
        var refreshToken = tokens.RefreshToken ?? throw new InvalidOperationException("The ID token expired and there is no refresh token; sign in again.");
        var renewed = await _authenticator.RefreshAsync(refreshToken, ct).ConfigureAwait(false);
        Volatile.Write(ref _current, renewed);
        RenewCount++;
        return renewed;
    }

    private bool NeedsRenewal(UserPoolTokens tokens) => tokens.IdTokenExpiresUtc - RenewMargin <= _skew.ServerUtcNow;
}
