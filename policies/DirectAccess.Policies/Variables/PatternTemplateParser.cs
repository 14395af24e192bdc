using System.Text;
using DirectAccess.Policies.Matching;

namespace DirectAccess.Policies.Variables;

/// <summary>
/// Splits a policy string into pattern pieces: literal text, <c>*</c>/<c>?</c> wildcards (when the element or operator
/// has them) and policy variables <c>${key}</c> / <c>${key, 'default'}</c> with the escapes <c>${*}</c>, <c>${?}</c>
/// and <c>${$}</c> (IAM user guide, "IAM policy elements: Variables and tags"; variables exist only under
/// <c>"Version": "2012-10-17"</c>, otherwise <c>${</c> is plain text).
/// </summary>
internal static class PatternTemplateParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">A malformed variable: unterminated, empty key, or a bad default.</exception>
    public static List<PatternPiece> Parse(string text, bool wildcards, bool variables)
    {
        var pieces = new List<PatternPiece>();
        var literal = new StringBuilder();

        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                pieces.Add(new PatternPiece(PieceKind.Literal, literal.ToString()));
                literal.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (variables && c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    throw new FormatException($"unterminated policy variable starting at offset {i} in '{text}'");
                }

                var body = text.Substring(i + 2, close - i - 2);
                i = close;
                if (body is "*" or "?" or "$")
                {
                    literal.Append(body[0]);
                    continue;
                }

                var (key, defaultValue) = ParseVariableBody(body, text);
                FlushLiteral();
                pieces.Add(new PatternPiece(PieceKind.Variable, key, defaultValue));
                continue;
            }

            if (wildcards && (c == '*' || c == '?'))
            {
                FlushLiteral();
                var kind = c == '*' ? PieceKind.AnyRun : PieceKind.AnyChar;
                // Consecutive stars mean the same as one; collapsing keeps the matcher's segment split simple.
                if (kind == PieceKind.AnyRun && pieces.Count > 0 && pieces[^1].Kind == PieceKind.AnyRun)
                {
                    continue;
                }

                pieces.Add(new PatternPiece(kind, c.ToString()));
                continue;
            }

            literal.Append(c);
        }

        FlushLiteral();
        return pieces;
    }

    private static (string Key, string? Default) ParseVariableBody(string body, string text)
    {
        string key;
        string? defaultValue = null;
        var comma = body.IndexOf(',');
        if (comma >= 0)
        {
            key = body[..comma].Trim();
            var rawDefault = body[(comma + 1)..].Trim();
            if (rawDefault.Length < 2 || rawDefault[0] != '\'' || rawDefault[^1] != '\'')
            {
                throw new FormatException(
                    $"policy variable default must be a single-quoted string, as in ${{{key}, 'value'}}, in '{text}'");
            }

            defaultValue = rawDefault[1..^1];
            if (defaultValue.Contains('\''))
            {
                throw new FormatException($"policy variable default may not contain a quote, in '{text}'");
            }
        }
        else
        {
            key = body.Trim();
        }

        if (key.Length == 0)
        {
            throw new FormatException($"empty policy variable ${{}} in '{text}'");
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || c is '$' or '{' or '\'' or '"' or '*' or '?')
            {
                throw new FormatException($"malformed policy variable key '{key}' in '{text}'");
            }
        }

        return (key, defaultValue);
    }
}
