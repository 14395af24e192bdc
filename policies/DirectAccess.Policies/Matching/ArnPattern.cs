using DirectAccess.Policies.Variables;

namespace DirectAccess.Policies.Matching;

/// <summary>
/// An ARN pattern for <c>ArnEquals</c>/<c>ArnLike</c> (and their negations): each of the six colon-separated parts
/// (<c>arn:partition:service:region:account:resource</c>, the last keeping any further colons) is matched separately,
/// case-sensitively, with <c>*</c>/<c>?</c> wildcards (IAM user guide, "Amazon Resource Name (ARN) condition
/// operators"). A wildcard therefore never spans a colon between the first five parts.
/// </summary>
internal sealed class ArnPattern
{
    /// <summary>Number of colon-separated parts of an ARN.</summary>
    public const int PartCount = 6;

    private readonly GlobPattern[] _parts;

    private ArnPattern(string source, GlobPattern[] parts)
    {
        Source = source;
        _parts = parts;
    }

    /// <summary>The pattern as written in the policy.</summary>
    public string Source { get; }

    /// <summary>The variables the pattern uses.</summary>
    public IEnumerable<PatternPiece> Variables => _parts.SelectMany(p => p.Variables);

    /// <summary>Compiles <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">Fewer than six parts, or a malformed variable.</exception>
    public static ArnPattern Compile(string text, bool variables)
    {
        var rawParts = SplitOutsideVariables(text, variables);
        if (rawParts.Count != PartCount)
        {
            throw new FormatException($"'{text}' is not an ARN: it needs {PartCount} colon-separated parts (arn:partition:service:region:account:resource)");
        }

        var parts = rawParts
            .Select(p => new GlobPattern(p, PatternTemplateParser.Parse(p, wildcards: true, variables), StringComparison.Ordinal))
            .ToArray();
        return new ArnPattern(text, parts);
    }

    /// <summary>True when <paramref name="arn"/> has six parts and each matches its pattern part.</summary>
    public bool IsMatch(string arn, RequestContext? context)
    {
        var rest = arn.AsSpan();
        for (var i = 0; i < PartCount - 1; i++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0 || !_parts[i].IsMatch(rest[..colon], context))
            {
                return false;
            }

            rest = rest[(colon + 1)..];
        }

        return _parts[PartCount - 1].IsMatch(rest, context);
    }

    private static List<string> SplitOutsideVariables(string text, bool variables)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length && parts.Count < PartCount - 1; i++)
        {
            if (variables && text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    break; // the template parser reports the unterminated variable
                }

                i = close;
                continue;
            }

            if (text[i] == ':')
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <inheritdoc />
    public override string ToString() => Source;
}
