using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DirectAccess.Client.Errors;
using DirectAccess.Client.Http;
using DirectAccess.Client.IdentityPool;
using DirectAccess.Client.UserPool;

namespace DirectAccess.Client.Credentials;

/// <summary>
/// AWS credentials for a signed-in user pool user, obtained from a Cognito identity pool and refreshed automatically —
/// plug it into any AWS SDK client (<c>new AmazonS3Client(credentials, config)</c>).
/// </summary>
/// <remarks>
/// <para>Enhanced flow (default): <c>GetId</c> then <c>GetCredentialsForIdentity</c> with
/// <c>Logins = { "cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;": idToken }</c> and the optional
/// <c>CustomRoleArn</c>. Basic flow: <c>GetOpenIdToken</c> then STS <c>AssumeRoleWithWebIdentity</c>.</para>
/// <para>Refresh: inside the pre-expiry window (<see cref="IdentityPoolCredentialsOptions.RefreshAhead"/>, capped at
/// half the lifetime) reads get the current, still valid credentials at once while a single background fetch runs;
/// only missing or expired credentials make readers wait, and then all wait on that one fetch (never two at once).
/// A failed background fetch is retried after 5 s; the error surfaces to a reader once the credentials expire. Each refresh first renews the ID token with
/// the refresh token when it has expired. Expiry is converted to local time using the server's <c>Date</c> header
/// (clock-skew correction).</para>
/// <para>Identity ids are cached on disk per (user pool, user, identity pool); when the pool answers
/// <c>NotAuthorizedException</c> or <c>ResourceNotFoundException</c> for a cached id, the id is evicted and the call is
/// retried once with a fresh <c>GetId</c>.</para>
/// </remarks>
public sealed class CognitoIdentityPoolCredentials : RefreshingAWSCredentials
{
    private readonly string _identityPoolId;
    private readonly string _userPoolId;
    private readonly string _providerName;
    private readonly UserPoolTokenSource _tokens;
    private readonly CognitoIdentityClient _identity;
    private readonly IAmazonSecurityTokenService? _sts;
    private readonly IdentityIdCache? _cache;
    private readonly ClockSkew _skew;
    private readonly IdentityPoolCredentialsOptions _options;
    private readonly SemaphoreSlim _identityLock = new(1, 1);
    private string? _identityId;
    private int _refreshCount;
    private int _concurrentRefreshes;
    private int _maxConcurrentRefreshes;

    /// <summary>Creates the provider; nothing is fetched until the first <c>GetCredentials</c>.</summary>
    /// <param name="identityPoolId">Identity pool id.</param>
    /// <param name="userPoolId">User pool id (for the <c>Logins</c> key and the cache key).</param>
    /// <param name="region">Region (for the <c>Logins</c> key).</param>
    /// <param name="tokens">The user's tokens (renewed when expired).</param>
    /// <param name="identity">Identity pool client.</param>
    /// <param name="sts">STS client for the basic flow (anonymous credentials suffice); null when only enhanced is used.</param>
    /// <param name="skew">Clock-skew tracker shared with <paramref name="identity"/>.</param>
    /// <param name="options">Flow, role, refresh window, cache location.</param>
    public CognitoIdentityPoolCredentials(string identityPoolId, string userPoolId, string region, UserPoolTokenSource tokens,
        CognitoIdentityClient identity, IAmazonSecurityTokenService? sts, ClockSkew skew, IdentityPoolCredentialsOptions? options = null)
    {
        _identityPoolId = identityPoolId;
        _userPoolId = userPoolId;
        _providerName = $"cognito-idp.{region}.amazonaws.com/{userPoolId}";
        _tokens = tokens;
        _identity = identity;
        _sts = sts;
        _skew = skew;
        _options = options ?? new IdentityPoolCredentialsOptions();
        _cache = _options.DataDirectory is null ? null : new IdentityIdCache(_options.DataDirectory);
        PreemptExpiryTime = _options.RefreshAhead;
        if (_options.Flow == CredentialFlow.Basic && sts is null)
        {
            throw new ArgumentException("The basic flow needs an STS client.", nameof(sts));
        }
    }

    /// <summary>The identity id (<c>&lt;region&gt;:&lt;guid&gt;</c>) once known, else null.</summary>
    public string? IdentityId => Volatile.Read(ref _identityId);

    /// <summary>The identity pool id.</summary>
    public string IdentityPoolId => _identityPoolId;

    /// <summary>The flow in use.</summary>
    public CredentialFlow Flow => _options.Flow;

    /// <summary>The role requested explicitly (<c>CustomRoleArn</c>, or the basic flow's role), else null (the pool's choice).</summary>
    public string? RequestedRoleArn => _options.Flow == CredentialFlow.Basic ? BasicFlowRole(_tokens.Current) : _options.CustomRoleArn;

    /// <summary>Local-clock UTC expiry of the last credentials fetched, or null before the first fetch.</summary>
    public DateTime? LastExpirationUtc { get; private set; }

    /// <summary>How many times new credentials were fetched.</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    /// <summary>The largest number of fetches ever observed running at once (1 unless something is wrong).</summary>
    internal int MaxConcurrentRefreshes => Volatile.Read(ref _maxConcurrentRefreshes);

    /// <summary>Test hook: runs at the start of each fetch (e.g. a delay to prove readers do not wait).</summary>
    internal Func<Task>? BeforeFetch { get; set; }

    /// <summary>The identity id, calling <c>GetId</c> (or reading the cache) when not yet known.</summary>
    /// <exception cref="NotAuthorizedException">The ID token is refused.</exception>
    public async Task<string> GetIdentityIdAsync(CancellationToken ct = default)
    {
        if (IdentityId is { } known)
        {
            return known;
        }

        var tokens = await _tokens.GetValidTokensAsync(ct).ConfigureAwait(false);
        return await ResolveIdentityIdAsync(tokens, allowCache: true, ct).ConfigureAwait(false);
    }

    /// <summary>Drops the current credentials so the next read fetches new ones (e.g. after <c>ExpiredToken</c>).</summary>
    public void Invalidate()
    {
        Volatile.Write(ref _state, null);
        ClearCredentials();
    }

    // Credentials this close to expiry count as expired: a request signed now must still arrive in time.
    private static readonly TimeSpan ExpirySafety = TimeSpan.FromSeconds(5);

    // After a failed background refresh, wait this long before trying again in the background.
    private static readonly TimeSpan BackgroundRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _refreshGate = new();
    private CredentialsRefreshState? _state;
    private Task<CredentialsRefreshState>? _refresh;
    private DateTime _backgroundFailedAt = DateTime.MinValue;

    private Task<CredentialsRefreshState> StartRefresh(bool background)
    {
        lock (_refreshGate)
        {
            if (_refresh is { } running)
            {
                return running;
            }

            if (background && DateTime.UtcNow - _backgroundFailedAt < BackgroundRetryDelay)
            {
                return Task.FromResult(_state!);
            }

            var task = RunRefreshAsync(background);
            if (!task.IsCompleted)
            {
                _refresh = task;
            }

            return task;
        }
    }

    private async Task<CredentialsRefreshState> RunRefreshAsync(bool background)
    {
        await Task.Yield();
        try
        {
            var state = await FetchCountedAsync().ConfigureAwait(false);
            Volatile.Write(ref _state, state);
            return state;
        }
        catch when (background && Volatile.Read(ref _state) is { } current)
        {
            // Keep serving the still-valid credentials; a foreground read after expiry surfaces the error.
            lock (_refreshGate)
            {
                _backgroundFailedAt = DateTime.UtcNow;
            }

            return current;
        }
        finally
        {
            lock (_refreshGate)
            {
                _refresh = null;
            }
        }
    }

    /// <inheritdoc/>
    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().ConfigureAwait(false).GetAwaiter().GetResult();

    /// <summary>
    /// Called by the AWS SDK base class inside the pre-expiry window and at expiry. While the current credentials are
    /// still valid this returns them at once and lets one background fetch run (so readers never wait on a refresh
    /// in progress); only missing or expired credentials make the caller wait — for the single fetch in flight.
    /// </summary>
    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var state = Volatile.Read(ref _state);
        if (state is not null && DateTime.UtcNow < state.Expiration - ExpirySafety)
        {
            _ = StartRefresh(background: true);
            return ForBaseClass(Volatile.Read(ref _state) ?? state);
        }

        return ForBaseClass(await StartRefresh(background: false).ConfigureAwait(false));
    }

    // The base class adjusts the Expiration of the state it is given; hand it a copy so ours stays exact.
    private static CredentialsRefreshState ForBaseClass(CredentialsRefreshState state) => new(state.Credentials, state.Expiration);

    private async Task<CredentialsRefreshState> FetchCountedAsync()
    {
        var running = Interlocked.Increment(ref _concurrentRefreshes);
        InterlockedMax(ref _maxConcurrentRefreshes, running);
        try
        {
            if (BeforeFetch is { } hook)
            {
                await hook().ConfigureAwait(false);
            }

            var state = await FetchWithEvictionAsync(CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _refreshCount);
            return state;
        }
        finally
        {
            Interlocked.Decrement(ref _concurrentRefreshes);
        }
    }

    private async Task<CredentialsRefreshState> FetchWithEvictionAsync(CancellationToken ct)
    {
        var tokens = await _tokens.GetValidTokensAsync(ct).ConfigureAwait(false);
        var hadIdentity = IdentityId is not null;
        var identityId = await ResolveIdentityIdAsync(tokens, allowCache: true, ct).ConfigureAwait(false);
        try
        {
            return await FetchAsync(identityId, tokens, ct).ConfigureAwait(false);
        }
        catch (DirectAccessServiceException e) when (e is NotAuthorizedException or ResourceNotFoundException && (hadIdentity || _cacheHit))
        {
            // The cached identity id may belong to a deleted identity or another pool: evict, GetId afresh, retry once.
            _cache?.Evict(_userPoolId, tokens.Sub, _identityPoolId);
            Volatile.Write(ref _identityId, null);
            identityId = await ResolveIdentityIdAsync(tokens, allowCache: false, ct).ConfigureAwait(false);
            return await FetchAsync(identityId, tokens, ct).ConfigureAwait(false);
        }
    }

    private bool _cacheHit;

    private async Task<string> ResolveIdentityIdAsync(UserPoolTokens tokens, bool allowCache, CancellationToken ct)
    {
        await _identityLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (IdentityId is { } known)
            {
                return known;
            }

            if (allowCache && _cache?.Get(_userPoolId, tokens.Sub, _identityPoolId) is { } cached)
            {
                _cacheHit = true;
                Volatile.Write(ref _identityId, cached);
                return cached;
            }

            _cacheHit = false;
            var response = await _identity.GetIdAsync(new GetIdRequest { IdentityPoolId = _identityPoolId, Logins = Logins(tokens) }, ct).ConfigureAwait(false);
            var id = response.IdentityId is { Length: > 0 } value
                ? value
                : throw new DirectAccessServiceException("InvalidResponse", "GetId returned no IdentityId.", null, System.Net.HttpStatusCode.OK, "cognito-identity");
            _cache?.Set(_userPoolId, tokens.Sub, _identityPoolId, id);
            Volatile.Write(ref _identityId, id);
            return id;
        }
        finally
        {
            _identityLock.Release();
        }
    }

    private async Task<CredentialsRefreshState> FetchAsync(string identityId, UserPoolTokens tokens, CancellationToken ct)
    {
        ImmutableCredentials credentials;
        DateTime serverExpiration;
        if (_options.Flow == CredentialFlow.Enhanced)
        {
            var response = await _identity.GetCredentialsForIdentityAsync(new GetCredentialsForIdentityRequest
            {
                IdentityId = identityId,
                Logins = Logins(tokens),
                CustomRoleArn = _options.CustomRoleArn,
            }, ct).ConfigureAwait(false);
            var c = response.Credentials;
            if (c?.AccessKeyId is null || c.SecretKey is null || c.SessionToken is null)
            {
                throw new DirectAccessServiceException("InvalidResponse", "GetCredentialsForIdentity returned incomplete credentials.", null, System.Net.HttpStatusCode.OK, "cognito-identity");
            }

            credentials = new ImmutableCredentials(c.AccessKeyId, c.SecretKey, c.SessionToken);
            serverExpiration = DateTime.UnixEpoch.AddSeconds(c.Expiration);
        }
        else
        {
            var openId = await _identity.GetOpenIdTokenAsync(new GetOpenIdTokenRequest { IdentityId = identityId, Logins = Logins(tokens) }, ct).ConfigureAwait(false);
            var role = BasicFlowRole(tokens) ?? throw new InvalidOperationException("Basic flow needs a role: set CustomRoleArn (the token has no cognito:preferred_role).");
            AssumeRoleWithWebIdentityResponse assumed;
            try
            {
                assumed = await _sts!.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
                {
                    RoleArn = role,
                    RoleSessionName = "CognitoIdentityCredentials",
                    WebIdentityToken = openId.Token,
                    DurationSeconds = _options.BasicFlowDurationSeconds,
                }, ct).ConfigureAwait(false);
            }
            catch (AmazonServiceException e)
            {
                throw ServiceErrors.From(e, "sts");
            }

            var c = assumed.Credentials;
            credentials = new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
            serverExpiration = (c.Expiration ?? DateTime.UtcNow.AddSeconds(_options.BasicFlowDurationSeconds)).ToUniversalTime();
        }

        var localExpiration = _skew.ToLocal(serverExpiration);
        var lifetime = localExpiration - DateTime.UtcNow;
        // Never keep the pre-expiry window at or above the lifetime: that would refresh on every read.
        var ahead = lifetime > TimeSpan.Zero && _options.RefreshAhead > lifetime / 2 ? lifetime / 2 : _options.RefreshAhead;
        PreemptExpiryTime = ahead;
        LastExpirationUtc = localExpiration;
        return new CredentialsRefreshState(credentials, localExpiration);
    }

    private string? BasicFlowRole(UserPoolTokens tokens) => _options.CustomRoleArn ?? tokens.PreferredRole;

    private Dictionary<string, string> Logins(UserPoolTokens tokens) => new() { [_providerName] = tokens.IdToken };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
