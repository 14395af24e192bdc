using Amazon.S3;
using DirectAccess.Client.Config;
using DirectAccess.Conformance.Tests.Matrix;
using DirectAccess.Conformance.Tests.Support;
using DirectAccess.Policies;
using DirectAccess.Policies.Templates;
using DirectAccess.Testing;

namespace DirectAccess.Conformance.Tests;

/// <summary>
/// The whole access matrix, live: one local cloud, the five matrix callers as real users signed in with SRP, and for
/// every row the real S3 or Lambda request IAM authorizes as the row's action, signed with the caller's
/// identity-pool credentials. Allowed rows must succeed and take effect; denied rows must get AWS's 403 with the
/// reason text and change nothing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AccessMatrixLiveTests
{
    private TestCloud _cloud = null!;
    private MatrixUserSignIn _users = null!;
    private AmazonS3Client _adminS3 = null!;
    private S3Arrangements _admin = null!;
    private DirectAccessConfig _config = null!;
    private AccessMatrix _matrix = null!;
    private Dictionary<string, AccessMatrixCase> _cases = null!;
    private readonly HttpClient _http = new();
    private readonly Dictionary<string, RowCaller> _directRoleCallers = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task StartCloudAndSignInEveryCaller()
    {
        _cloud = await TestCloud.StartAsync();
        _config = DirectAccessConfig.Load(Path.Combine(_cloud.DataDir, "directaccess.json"));
        _matrix = AccessMatrix.Load(RepoPaths.AccessMatrix);
        var parameters = LiveStackParameters.Of(_config, _cloud.Cloud.Stack, _cloud.Cloud.Options.StackName);
        Assert.That(_matrix.Parameters.Keys.Except(parameters.Keys), Is.Empty, "every matrix parameter has a live value");
        _users = await MatrixUserSignIn.SignInAllAsync(_config, _matrix);
        var identityIds = new Dictionary<string, string>(_users.IdentityIds);
        foreach (var caller in _matrix.Callers.Values.Where(c => c.Group is null))
        {
            // The identity pool refuses them credentials (see below); give them the default role the way the pool
            // would, bound to a fresh identity id, so the role's policy is still enforced live.
            var identityId = $"{_config.Region}:{Guid.NewGuid()}";
            identityIds[caller.Name] = identityId;
            _directRoleCallers[caller.Name] = RowCaller.Of(_config, DirectRoleCredentials.Issue(_cloud.Cloud, "DefaultAuthenticatedRole", identityId), _http);
        }

        _cases = _matrix.Resolve(parameters, identityIds).ToDictionary(c => c.Row.Id);
        _adminS3 = AdminS3.Create(_config);
        _admin = new S3Arrangements(_adminS3);
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        _adminS3?.Dispose();
        _http.Dispose();
        if (_users is not null)
        {
            await _users.DisposeAsync();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Test]
    public void Every_caller_acts_with_a_live_identity_id_of_its_own()
    {
        var inGroups = _matrix.Callers.Values.Where(c => c.Group is not null).Select(c => c.Name);
        Assert.That(_users.IdentityIds.Keys, Is.SupersetOf(inGroups), "callers in a group who got credentials");
        Assert.That(_users.IdentityIds.Values, Is.Unique);
        Assert.That(_users.IdentityIds.Values, Has.All.StartsWith(_config.Region + ":"));
        Assert.That(_users.IdentityIds.Values, Has.None.AnyOf(_matrix.Callers.Values.Select(c => c.IdentityId).ToArray()), "offline ids from the matrix file");
    }

    /// <summary>
    /// The template maps roles from the token with <c>AmbiguousRoleResolution: Deny</c> (issue 2), so a user in no
    /// group carries no <c>cognito:preferred_role</c> and the identity pool refuses them credentials altogether
    /// (REFERENCE §2). The default role's rows are therefore enforced with credentials for that role issued directly.
    /// </summary>
    [Test]
    public void A_caller_in_no_group_is_refused_credentials_by_AmbiguousRoleResolution_Deny()
    {
        foreach (var caller in _matrix.Callers.Values.Where(c => c.Group is null))
        {
            Assert.That(_users.IdentityIds, Does.Not.ContainKey(caller.Name));
            Assert.That(_users.FailureOf(caller.Name), Is.TypeOf<DirectAccess.Client.Errors.NotAuthorizedException>()
                .And.Message.Contains("ambiguous role mapping rules"));
        }
    }

    [TestCaseSource(typeof(MatrixRowCases), nameof(MatrixRowCases.All))]
    public async Task Row_is_enforced_live(string rowId)
    {
        var row = _cases[rowId];
        var action = LiveRowRequest.CanonicalAction(row.Row.Action);
        if (action == "s3:DeleteBucket" && row.Row.Expected == DecisionKind.Allow)
        {
            Assert.Ignore("a row expecting DeleteBucket to be allowed is not performed live (destructive)");
        }

        var caller = CallerFor(row);
        var run = await LiveRowRequest.RunAsync(row, caller, _admin, _config.UploadBucketName!, _config.ResolveFunctionName("WhoAmI"));

        if (row.Row.Expected == DecisionKind.Allow)
        {
            Assert.That(run.Answer.Succeeded, Is.True, $"IAM must allow {row.Row.Action} on {row.Resource}; the cloud answered {run.Answer}");
            await run.CheckTookEffect();
        }
        else if (IsOutsideTheStack(row) && run.Answer.ErrorCode is "NoSuchBucket")
        {
            // A bucket this stack does not host does not exist locally, and S3 answers NoSuchBucket for a bucket
            // that does not exist whatever the caller's rights; the IAM decision itself is checked offline.
            await run.CheckChangedNothing();
        }
        else
        {
            var service = action!.Split(':')[0];
            new DenialExpectation(service, AssumedRoles.SessionArnOf(_cloud.Cloud.Stack, row.Row.Role), action, row.Resource, row.Row.Expected)
                .AssertMatches(run.Answer);
            await run.CheckChangedNothing();
        }
    }

    private bool IsOutsideTheStack(AccessMatrixCase row) =>
        row.Resource.StartsWith("arn:aws:s3:::", StringComparison.Ordinal)
        && !row.Resource.StartsWith($"arn:aws:s3:::{_config.UploadBucketName}", StringComparison.Ordinal);

    private RowCaller CallerFor(AccessMatrixCase row) =>
        _directRoleCallers.TryGetValue(row.Row.Caller, out var direct) ? direct : RowCaller.Of(_users.SessionOf(row.Row.Caller));
}
