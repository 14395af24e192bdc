using System.Text.Json;
using DirectAccess.Policies.Conditions;
using DirectAccess.Policies.Evaluation;
using DirectAccess.Policies.Matching;
using DirectAccess.Policies.Variables;

namespace DirectAccess.Policies.Parsing;

/// <summary>
/// Parses one statement (IAM user guide, "IAM JSON policy elements"): <c>Sid</c>, <c>Effect</c>, exactly one of
/// <c>Action</c>/<c>NotAction</c>, at most one of <c>Resource</c>/<c>NotResource</c> and of
/// <c>Principal</c>/<c>NotPrincipal</c> (at least one of the two kinds), and <c>Condition</c>.
/// </summary>
internal sealed class StatementParser
{
    private readonly PolicyParser _policy;
    private readonly string _policyName;
    private readonly bool _variables;
    private readonly HashSet<string> _sids = new(StringComparer.Ordinal);
    private readonly ConditionParser _conditions;

    public StatementParser(PolicyParser policy, string policyName, bool variables)
    {
        _policy = policy;
        _policyName = policyName;
        _variables = variables;
        _conditions = new ConditionParser(policy, variables);
    }

    public CompiledStatement Parse(JsonElement element, string path, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw _policy.Error(path, $"a statement must be an object, found {PolicyParser.Describe(element.ValueKind)}");
        }

        string? sid = null;
        Effect? effect = null;
        ActionMatcher? actions = null;
        ResourceMatcher? resources = null;
        PrincipalMatcher? principals = null;
        ConditionClause[] conditions = [];
        foreach (var property in _policy.UniqueProperties(element, path))
        {
            var elementPath = JsonPaths.Property(path, property.Name);
            switch (property.Name)
            {
                case "Sid":
                    sid = _policy.RequireString(property.Value, elementPath);
                    if (!sid.All(char.IsAsciiLetterOrDigit))
                    {
                        throw _policy.Error(elementPath, $"Sid '{sid}' may contain only ASCII letters and digits");
                    }

                    if (!_sids.Add(sid))
                    {
                        throw _policy.Error(elementPath, $"duplicate Sid '{sid}' (Sids must be unique within a policy)");
                    }

                    break;
                case "Effect":
                    var effectText = _policy.RequireString(property.Value, elementPath);
                    effect = effectText switch
                    {
                        "Allow" => Effect.Allow,
                        "Deny" => Effect.Deny,
                        _ => throw _policy.Error(elementPath, $"Effect must be Allow or Deny, not '{effectText}'"),
                    };
                    break;
                case "Action" or "NotAction":
                    EnsureAbsent(actions, path, "Action", "NotAction");
                    actions = ParseActions(property.Value, elementPath, property.Name == "NotAction");
                    break;
                case "Resource" or "NotResource":
                    EnsureAbsent(resources, path, "Resource", "NotResource");
                    resources = ParseResources(property.Value, elementPath, property.Name == "NotResource");
                    break;
                case "Principal" or "NotPrincipal":
                    EnsureAbsent(principals, path, "Principal", "NotPrincipal");
                    principals = ParsePrincipal(property.Value, elementPath, property.Name == "NotPrincipal");
                    break;
                case "Condition":
                    conditions = _conditions.Parse(property.Value, elementPath);
                    break;
                default:
                    throw _policy.Error(elementPath, $"unknown statement element '{property.Name}'");
            }
        }

        if (effect is null)
        {
            throw _policy.Error(path, "the statement has no Effect");
        }

        if (actions is null)
        {
            throw _policy.Error(path, "the statement has neither Action nor NotAction");
        }

        if (resources is null && principals is null)
        {
            throw _policy.Error(path, "the statement has neither Resource/NotResource nor Principal/NotPrincipal");
        }

        return new CompiledStatement(new StatementRef(_policyName, index, sid), path, effect.Value, actions, resources,
            principals, conditions);
    }

    private void EnsureAbsent(object? existing, string path, string name, string notName)
    {
        if (existing is not null)
        {
            throw _policy.Error(path, $"a statement may have {name} or {notName}, not both");
        }
    }

    private ActionMatcher ParseActions(JsonElement value, string path, bool isNot)
    {
        var patterns = new List<GlobPattern>();
        foreach (var (action, itemPath) in _policy.RequireStringList(value, path))
        {
            if (!IsWellFormedAction(action))
            {
                throw _policy.Error(itemPath, $"malformed action '{action}' (expected \"*\" or service:ActionName)");
            }

            patterns.Add(new GlobPattern(action, PatternTemplateParser.Parse(action, wildcards: true, variables: false),
                StringComparison.OrdinalIgnoreCase));
        }

        return new ActionMatcher(patterns, isNot);
    }

    private static bool IsWellFormedAction(string action)
    {
        if (action == "*")
        {
            return true;
        }

        var colon = action.IndexOf(':');
        if (colon <= 0 || colon == action.Length - 1)
        {
            return false;
        }

        var service = action.AsSpan(0, colon);
        var name = action.AsSpan(colon + 1);
        foreach (var c in service)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '*' or '?'))
            {
                return false;
            }
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '*' or '?'))
            {
                return false;
            }
        }

        return true;
    }

    private ResourceMatcher ParseResources(JsonElement value, string path, bool isNot)
    {
        var patterns = new List<GlobPattern>();
        foreach (var (resource, itemPath) in _policy.RequireStringList(value, path))
        {
            if (resource != "*" && !resource.StartsWith("arn:", StringComparison.Ordinal))
            {
                throw _policy.Error(itemPath, $"malformed resource '{resource}' (expected \"*\" or an ARN starting with arn:)");
            }

            try
            {
                patterns.Add(new GlobPattern(resource, PatternTemplateParser.Parse(resource, wildcards: true, _variables),
                    StringComparison.Ordinal));
            }
            catch (FormatException e)
            {
                throw _policy.Error(itemPath, e.Message);
            }
        }

        return new ResourceMatcher(patterns, isNot);
    }

    private PrincipalMatcher ParsePrincipal(JsonElement value, string path, bool isNot)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            if (text != "*")
            {
                throw _policy.Error(path, $"a string principal must be \"*\", not '{text}' (use {{\"AWS\": ...}}, {{\"Federated\": ...}} or {{\"Service\": ...}})");
            }

            return new PrincipalMatcher([], everyone: true, isNot);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw _policy.Error(path, $"expected \"*\" or an object, found {PolicyParser.Describe(value.ValueKind)}");
        }

        var principals = new List<(string Type, string Id)>();
        var everyone = false;
        foreach (var property in _policy.UniqueProperties(value, path))
        {
            var typePath = JsonPaths.Property(path, property.Name);
            if (property.Name is not ("AWS" or "Federated" or "Service" or "CanonicalUser"))
            {
                throw _policy.Error(typePath, $"unknown principal type '{property.Name}' (expected AWS, Federated, Service or CanonicalUser)");
            }

            foreach (var (id, _) in _policy.RequireStringList(property.Value, typePath))
            {
                everyone |= property.Name == "AWS" && id == "*";
                principals.Add((property.Name, id));
            }
        }

        if (principals.Count == 0)
        {
            throw _policy.Error(path, "the principal names no one");
        }

        return new PrincipalMatcher(principals, everyone, isNot);
    }
}
