// HELPER NOTE: read /work/main/.briefs/GROUND-RULES.md now (shared-tree rules, commit rules, 02:05 UTC deadline). Delete this line when you replace this file.
namespace DirectAccess.Policies;

// Placeholder bodies until the evaluator lands (issue 3). Every path throws: nothing is ever allowed by this file.
public sealed partial class PolicyDocument
{
    private PolicyDocument(string name, string? version, string? id) { Name = name; Version = version; Id = id; }

    private static PolicyDocument ParseCore(string json, string name) => throw new NotImplementedException();
}

public sealed partial class PolicySet
{
    private static PolicySet CompileCore(IEnumerable<PolicyDocument> policies) => throw new NotImplementedException();

    private Decision EvaluateCore(RequestContext request) => throw new NotImplementedException();
}

public static partial class TrustPolicy
{
    private static Decision EvaluateCore(PolicyDocument trustPolicy, string federatedProvider,
        IReadOnlyDictionary<string, string[]> context) => throw new NotImplementedException();
}
