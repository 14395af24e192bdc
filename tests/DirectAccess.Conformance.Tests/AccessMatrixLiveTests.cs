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

    [OneTimeSetUp]
    public async Task StartCloudAndSignInEveryCaller()
    {
        _cloud = await TestCloud.StartAsync();
        _config = DirectAccessConfig.Load(Path.Combine(_cloud.DataDir, "directaccess.json"));
        _matrix = AccessMatrix.Load(RepoPaths.AccessMatrix);
        var parameters = LiveStackParameters.Of(_config, _cloud.Cloud.Stack, _cloud.Cloud.Options.StackName);
        Assert.That(_matrix.Parameters.Keys.Except(parameters.Keys), Is.Empty, "every matrix parameter has a live value");
        _users = await MatrixUserSignIn.SignInAllAsync(_config, _matrix);
        _cases = _matrix.Resolve(parameters, _users.IdentityIds).ToDictionary(c => c.Row.Id);
        _adminS3 = AdminS3.Create(_config);
        _admin = new S3Arrangements(_adminS3);
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        _adminS3?.Dispose();
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

    [Test]
    [Ignore("BUG: " + KnownBugs.NoGroupCallerRefused)]
    public void A_caller_in_no_group_gets_credentials()
    {
        foreach (var caller in _matrix.Callers.Values.Where(c => c.Group is null))
        {
            Assert.That(_users.IdentityIds, Does.ContainKey(caller.Name), $"{caller.Name} got no identity-pool credentials");
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

        var caller = _users.SessionOf(row.Row.Caller);
        var run = await LiveRowRequest.RunAsync(row, caller, _admin, _config.UploadBucketName!, _config.ResolveFunctionName("WhoAmI"));

        if (row.Row.Expected == DecisionKind.Allow)
        {
            Assert.That(run.Answer.Succeeded, Is.True, $"IAM must allow {row.Row.Action} on {row.Resource}; the cloud answered {run.Answer}");
            await run.CheckTookEffect();
        }
        else
        {
            var service = action!.Split(':')[0];
            new DenialExpectation(service, AssumedRoles.SessionArnOf(_cloud.Cloud.Stack, row.Row.Role), action, row.Resource, row.Row.Expected)
                .AssertMatches(run.Answer);
            await run.CheckChangedNothing();
        }
    }
}
