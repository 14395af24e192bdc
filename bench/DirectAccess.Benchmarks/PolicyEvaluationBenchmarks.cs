using BenchmarkDotNet.Attributes;
using DirectAccess.Policies;
using DirectAccess.Policies.Templates;

namespace DirectAccess.Benchmarks;

/// <summary>
/// One request against the uploaders role's compiled policies (policies/roles/uploaders.json with the access matrix's
/// parameters): the per-identity resource <c>private/${cognito-identity.amazonaws.com:sub}/*</c> is resolved per
/// request. Issue 3 target: ≤ 5 µs median and ≤ 1 KB allocated per evaluation.
/// Run: dotnet run -c Release --project bench/DirectAccess.Benchmarks -- --filter '*PolicyEvaluation*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyEvaluationBenchmarks
{
    private PolicySet _uploaders = null!;
    private RequestContext _ownObject = null!;
    private RequestContext _ownPrefixListing = null!;
    private RequestContext _otherIdentity = null!;

    [GlobalSetup]
    public void Setup()
    {
        var matrix = AccessMatrix.Load(FindMatrix());
        _uploaders = PolicySet.Compile([matrix.LoadRolePolicy("uploaders")]);
        var alice = matrix.Callers["alice"].IdentityId;
        var bucket = "arn:aws:s3:::" + matrix.Parameters["UploadBucket"];
        var context = AccessMatrix.CallerContext("alice", alice, matrix.Parameters, DateTimeOffset.UtcNow);

        _ownObject = WithContext(new RequestContext("s3:PutObject", $"{bucket}/private/{alice}/big.iso"), context);
        _ownPrefixListing = WithContext(new RequestContext("s3:ListBucket", bucket), context).With("s3:prefix", $"private/{alice}/isos/");
        _otherIdentity = WithContext(new RequestContext("s3:GetObject", $"{bucket}/private/us-east-1:someone-else/x"), context);

        if (!_uploaders.Evaluate(_ownObject).IsAllowed || !_uploaders.Evaluate(_ownPrefixListing).IsAllowed
            || _uploaders.Evaluate(_otherIdentity).Kind != DecisionKind.ImplicitDeny)
        {
            throw new InvalidOperationException("benchmark requests do not decide as the access matrix says");
        }
    }

    /// <summary>PutObject under the caller's own private prefix: the variable resource, allowed.</summary>
    [Benchmark(Baseline = true)]
    public Decision PutOwnPrivateObject() => _uploaders.Evaluate(_ownObject);

    /// <summary>ListBucket with an s3:prefix StringLike condition holding a policy variable, allowed.</summary>
    [Benchmark]
    public Decision ListOwnPrefix() => _uploaders.Evaluate(_ownPrefixListing);

    /// <summary>Another identity's object: implicit deny, including building the explanation.</summary>
    [Benchmark]
    public Decision ReadOtherIdentityDenied() => _uploaders.Evaluate(_otherIdentity);

    private static RequestContext WithContext(RequestContext request, Dictionary<string, string[]> context)
    {
        foreach (var (key, values) in context)
        {
            request.WithValues(key, values);
        }

        return request;
    }

    private static string FindMatrix()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "policies", "access-matrix.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("policies/access-matrix.json not found above the benchmark folder");
    }
}
