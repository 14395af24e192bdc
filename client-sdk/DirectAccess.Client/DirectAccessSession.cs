using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using DirectAccess.Client.Config;
using DirectAccess.Client.Credentials;
using DirectAccess.Client.Files;
using DirectAccess.Client.Files.Journal;
using DirectAccess.Client.Files.Upload;
using DirectAccess.Client.Functions;
using DirectAccess.Client.Http;
using DirectAccess.Client.IdentityPool;
using DirectAccess.Client.UserPool;

namespace DirectAccess.Client;

/// <summary>
/// A signed-in user: user pool tokens, self-refreshing identity-pool credentials, and direct S3 (<see cref="Files"/>)
/// and Lambda (<see cref="Functions"/>) access signed with them. Create with <see cref="SignInAsync"/> or
/// <see cref="ResumeAsync"/>; dispose when done (<see cref="SignOutAsync"/> also revokes the refresh token).
/// </summary>
public sealed class DirectAccessSession : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AmazonS3Client _s3;
    private readonly IAmazonSecurityTokenService? _sts;
    private readonly CognitoUserPoolClient _userPool;

    private DirectAccessSession(DirectAccessConfig config, SignInOptions options, HttpClient http, bool ownsHttp, ClockSkew skew,
        CognitoUserPoolClient userPool, UserPoolTokenSource tokens, CognitoIdentityClient identity)
    {
        Config = config;
        _http = http;
        _ownsHttp = ownsHttp;
        _userPool = userPool;
        Tokens = tokens;
        Skew = skew;
        var credentialOptions = options.Credentials;
        if (credentialOptions.CustomRoleArn is null && options.SelectRole?.Invoke(tokens.Current.Roles) is { } chosen)
        {
            credentialOptions = credentialOptions with { CustomRoleArn = chosen };
        }

        if (credentialOptions.Flow == CredentialFlow.Basic)
        {
            _sts = new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), StsConfig(config));
        }

        Credentials = new CognitoIdentityPoolCredentials(config.IdentityPoolId, config.UserPoolId, config.Region, tokens, identity, _sts, skew, credentialOptions);
        _s3 = new AmazonS3Client(Credentials, S3Config(config));
        var bucket = config.UploadBucketName ?? "";
        var journals = new UploadJournalStore(options.DataDirectory);
        Files = new DirectAccessFiles(_s3, new S3BodyWriter(http, Credentials, config, skew), bucket, journals, Credentials.GetIdentityIdAsync);
        Functions = new DirectAccessFunctions(new LambdaInvokeClient(http, config.ResolveEndpoint("lambda"), config.Region, Credentials, skew), config);
    }

    /// <summary>The configuration the session was created with.</summary>
    public DirectAccessConfig Config { get; }

    /// <summary>The user pool tokens (renewed with the refresh token when they expire).</summary>
    public UserPoolTokenSource Tokens { get; }

    /// <summary>The refresh token (store it to <see cref="ResumeAsync"/> later; treat as a secret).</summary>
    public string? RefreshToken => Tokens.Current.RefreshToken;

    /// <summary>AWS credentials for the user; usable with any AWS SDK client.</summary>
    public CognitoIdentityPoolCredentials Credentials { get; }

    /// <summary>Server clock offset learned from responses.</summary>
    public ClockSkew Skew { get; }

    /// <summary>The user's files in the upload bucket.</summary>
    public DirectAccessFiles Files { get; }

    /// <summary>Typed Lambda invoke.</summary>
    public DirectAccessFunctions Functions { get; }

    /// <summary>A snapshot of who is signed in (identity id is null until credentials were fetched).</summary>
    public DirectAccessIdentity Identity
    {
        get
        {
            var t = Tokens.Current;
            return new DirectAccessIdentity(Credentials.IdentityId, Config.IdentityPoolId, t.Username, t.Sub, t.Groups, t.Roles,
                Credentials.RequestedRoleArn ?? t.PreferredRole, Credentials.LastExpirationUtc, t.IdTokenExpiresUtc);
        }
    }

    /// <summary>
    /// Signs in to the user pool (SRP by default) and prepares identity-pool credentials (fetched now unless
    /// <see cref="SignInOptions.FetchCredentialsOnSignIn"/> is false).
    /// </summary>
    /// <param name="config">Stack configuration.</param>
    /// <param name="username">User name.</param>
    /// <param name="password">Password (with SRP it never leaves this process).</param>
    /// <param name="options">Flow, new-password callback, role choice, credential options.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="Errors.NotAuthorizedException">Wrong user name or password, or the identity pool refused the token.</exception>
    /// <exception cref="Errors.UserNotConfirmedException">Account not confirmed.</exception>
    /// <exception cref="Errors.PasswordResetRequiredException">Password reset required.</exception>
    /// <exception cref="Errors.UnsupportedChallengeException">MFA or another challenge this SDK does not answer.</exception>
    public static async Task<DirectAccessSession> SignInAsync(DirectAccessConfig config, string username, string password, SignInOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SignInOptions();
        var (http, owns) = Http(options);
        try
        {
            var skew = new ClockSkew();
            var userPool = new CognitoUserPoolClient(http, config.ResolveEndpoint("cognito-idp"), config.Region, skew);
            var authenticator = new UserPoolAuthenticator(userPool, config.UserPoolId, config.UserPoolClientId, () => skew.ServerUtcNow);
            var tokens = await authenticator.SignInAsync(username, password, options.Flow, options.NewPasswordRequired, ct).ConfigureAwait(false);
            return await CreateAsync(config, options, http, owns, skew, userPool, authenticator, tokens, ct).ConfigureAwait(false);
        }
        catch
        {
            if (owns)
            {
                http.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Resumes a session from a stored refresh token (<c>REFRESH_TOKEN_AUTH</c>), e.g. the one the CLI's <c>login</c>
    /// saved. <paramref name="username"/> is informational (pools with client secrets would need it; ours have none).
    /// </summary>
    /// <exception cref="Errors.NotAuthorizedException">The refresh token is expired or revoked: sign in again.</exception>
    public static async Task<DirectAccessSession> ResumeAsync(DirectAccessConfig config, string refreshToken, string? username = null, SignInOptions? options = null, CancellationToken ct = default)
    {
        _ = username;
        options ??= new SignInOptions();
        var (http, owns) = Http(options);
        try
        {
            var skew = new ClockSkew();
            var userPool = new CognitoUserPoolClient(http, config.ResolveEndpoint("cognito-idp"), config.Region, skew);
            var authenticator = new UserPoolAuthenticator(userPool, config.UserPoolId, config.UserPoolClientId, () => skew.ServerUtcNow);
            var tokens = await authenticator.RefreshAsync(refreshToken, ct).ConfigureAwait(false);
            return await CreateAsync(config, options, http, owns, skew, userPool, authenticator, tokens, ct).ConfigureAwait(false);
        }
        catch
        {
            if (owns)
            {
                http.Dispose();
            }

            throw;
        }
    }

    /// <summary>Fetches credentials if needed and returns the complete identity.</summary>
    public async Task<DirectAccessIdentity> GetIdentityAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        await Credentials.GetCredentialsAsync().ConfigureAwait(false);
        return Identity;
    }

    /// <summary>
    /// <c>GlobalSignOut</c>: revokes the user's refresh tokens everywhere, then releases the session. AWS credentials
    /// already issued stay valid until they expire (identity pool behaviour).
    /// </summary>
    public async Task SignOutAsync(CancellationToken ct = default)
    {
        var tokens = await Tokens.GetValidTokensAsync(ct).ConfigureAwait(false);
        await _userPool.GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = tokens.AccessToken }, ct).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _s3.Dispose();
        _sts?.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>An <see cref="AmazonS3Config"/> for <paramref name="config"/>: endpoint override with path-style addressing, or the region; checksums only when required (the SDK computes its own where it matters).</summary>
    public static AmazonS3Config S3Config(DirectAccessConfig config)
    {
        var s3 = new AmazonS3Config
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (config.EndpointFor("s3") is { } endpoint)
        {
            s3.ServiceURL = endpoint.ToString();
            s3.ForcePathStyle = true;
            s3.AuthenticationRegion = config.Region;
        }
        else
        {
            s3.RegionEndpoint = RegionEndpoint.GetBySystemName(config.Region);
        }

        return s3;
    }

    private static AmazonSecurityTokenServiceConfig StsConfig(DirectAccessConfig config)
    {
        var sts = new AmazonSecurityTokenServiceConfig();
        if (config.EndpointFor("sts") is { } endpoint)
        {
            sts.ServiceURL = endpoint.ToString();
            sts.AuthenticationRegion = config.Region;
        }
        else
        {
            sts.RegionEndpoint = RegionEndpoint.GetBySystemName(config.Region);
        }

        return sts;
    }

    private static async Task<DirectAccessSession> CreateAsync(DirectAccessConfig config, SignInOptions options, HttpClient http, bool owns, ClockSkew skew,
        CognitoUserPoolClient userPool, UserPoolAuthenticator authenticator, UserPoolTokens tokens, CancellationToken ct)
    {
        var tokenSource = new UserPoolTokenSource(authenticator, tokens, skew);
        var identity = new CognitoIdentityClient(http, config.ResolveEndpoint("cognito-identity"), config.Region, skew);
        var session = new DirectAccessSession(config, options, http, owns, skew, userPool, tokenSource, identity);
        if (options.FetchCredentialsOnSignIn)
        {
            try
            {
                await session.GetIdentityAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                await session.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return session;
    }

    private static (HttpClient Http, bool Owns) Http(SignInOptions options) =>
        options.HttpClient is { } given
            ? (given, false)
            : (new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
            })
            {
                Timeout = TimeSpan.FromMinutes(10),
            }, true);
}
