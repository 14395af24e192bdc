using Amazon.Runtime;
using DirectAccess.Client;
using DirectAccess.Client.Config;
using DirectAccess.Client.Errors;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;
using DirectAccess.Policies.Templates;
using DirectAccess.Testing;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>
/// The access matrix's callers as real users of a running cloud: each created (confirmed, in the matrix's group) with
/// the administrator's keys, then signed in with SRP so it holds real identity-pool credentials.
/// </summary>
public sealed class MatrixUserSignIn : IAsyncDisposable
{
    private readonly Dictionary<string, DirectAccessSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Exception> _failures = new(StringComparer.Ordinal);
    private readonly TempDirectory _dataDir = new("conformance-users");

    private MatrixUserSignIn()
    {
    }

    /// <summary>Identity id of each caller who got credentials.</summary>
    public IReadOnlyDictionary<string, string> IdentityIds { get; private set; } = new Dictionary<string, string>();

    /// <summary>A password the template's policy accepts (12+, upper, lower, digit).</summary>
    public static string PasswordOf(string user) => $"Conformance-{user}-Pw-2026";

    /// <summary>Creates and signs in every caller of <paramref name="matrix"/>; a caller the service refuses is remembered, not thrown.</summary>
    public static async Task<MatrixUserSignIn> SignInAllAsync(DirectAccessConfig config, AccessMatrix matrix)
    {
        var users = new MatrixUserSignIn();
        using (var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey)))
        {
            foreach (var caller in matrix.Callers.Values)
            {
                await admin.CreateConfirmedUserAsync(config.UserPoolId, caller.Name, PasswordOf(caller.Name), caller.Group is null ? [] : [caller.Group]);
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var caller in matrix.Callers.Values)
        {
            try
            {
                var options = IsolatedSignIn.In(Path.Combine(users._dataDir.Path, caller.Name));
                var session = await DirectAccessSession.SignInAsync(config, caller.Name, PasswordOf(caller.Name), options);
                users._sessions[caller.Name] = session;
                ids[caller.Name] = (await session.GetIdentityAsync()).IdentityId
                    ?? throw new InvalidOperationException($"{caller.Name} has credentials but no identity id");
            }
            catch (DirectAccessServiceException e)
            {
                users._failures[caller.Name] = e;
            }
        }

        users.IdentityIds = ids;
        return users;
    }

    /// <summary>The caller's signed-in session; fails the test naming the sign-in error when the caller got none.</summary>
    public DirectAccessSession SessionOf(string caller) =>
        _sessions.TryGetValue(caller, out var session)
            ? session
            : throw new AssertionException($"{caller} could not sign in and get identity-pool credentials: {_failures.GetValueOrDefault(caller)}");

    /// <summary>Why <paramref name="caller"/> got no credentials, or null.</summary>
    public Exception? FailureOf(string caller) => _failures.GetValueOrDefault(caller);

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.DisposeAsync();
        }

        _dataDir.Dispose();
    }
}
