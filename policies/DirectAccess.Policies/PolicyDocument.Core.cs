using DirectAccess.Policies.Evaluation;
using DirectAccess.Policies.Parsing;

namespace DirectAccess.Policies;

public sealed partial class PolicyDocument
{
    /// <summary>The policy language version that enables policy variables.</summary>
    public const string CurrentVersion = "2012-10-17";

    /// <summary>The older policy language version, in which <c>${...}</c> is literal text.</summary>
    public const string LegacyVersion = "2008-10-17";

    internal PolicyDocument(string name, string? version, string? id, IReadOnlyList<CompiledStatement> statements)
    {
        Name = name;
        Version = version;
        Id = id;
        Statements = statements;
    }

    /// <summary>Number of statements in the policy (a single statement object counts as one).</summary>
    public int StatementCount => Statements.Count;

    /// <summary>True when policy variables are interpreted: only under <c>"Version": "2012-10-17"</c>.</summary>
    public bool PolicyVariablesEnabled => Version == CurrentVersion;

    /// <summary>The compiled statements, in document order.</summary>
    internal IReadOnlyList<CompiledStatement> Statements { get; }

    private static PolicyDocument ParseCore(string json, string name) => PolicyParser.Parse(json, name);
}
