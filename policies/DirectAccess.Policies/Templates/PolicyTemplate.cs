using System.Text;

namespace DirectAccess.Policies.Templates;

/// <summary>
/// Fills CloudFormation <c>!Sub</c> placeholders in policy text before parsing (CloudFormation user guide,
/// "Fn::Sub"): <c>${Name}</c> is replaced only when <c>Name</c> is one of the given parameters (e.g.
/// <c>AWS::Partition</c>, <c>AWS::Region</c>, <c>AWS::AccountId</c>, <c>UploadBucket</c>); <c>${!Name}</c> becomes the
/// literal <c>${Name}</c>; every other <c>${...}</c>, such as the IAM policy variable
/// <c>${cognito-identity.amazonaws.com:sub}</c>, is left for IAM.
/// </summary>
public static class PolicyTemplate
{
    /// <summary>Substitutes <paramref name="parameters"/> into <paramref name="text"/> (names match exactly).</summary>
    /// <param name="text">Policy JSON or any text with placeholders.</param>
    /// <param name="parameters">Placeholder name → value. Values are inserted verbatim, so they may not contain
    /// <c>"</c>, <c>\</c> or control characters (which would break the JSON they are put into).</param>
    /// <returns>The text with the known placeholders replaced.</returns>
    /// <exception cref="ArgumentException">A value with a quote, backslash or control character.</exception>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, value) in parameters)
        {
            if (value.Any(c => c is '"' or '\\' || char.IsControl(c)))
            {
                throw new ArgumentException($"parameter '{name}' has a quote, backslash or control character", nameof(parameters));
            }
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            var close = start < 0 ? -1 : text.IndexOf('}', start + 2);
            if (close < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, start - position);
            var name = text.Substring(start + 2, close - start - 2);
            if (name.StartsWith('!'))
            {
                result.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else if (parameters.TryGetValue(name, out var value))
            {
                result.Append(value);
            }
            else
            {
                result.Append(text, start, close - start + 1);
            }

            position = close + 1;
        }

        return result.ToString();
    }

    /// <summary>Reads a policy file, substitutes <paramref name="parameters"/>, and parses it under the file's name.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="PolicyParseException">The substituted policy is malformed.</exception>
    public static PolicyDocument LoadPolicy(string path, IReadOnlyDictionary<string, string> parameters) =>
        PolicyDocument.Parse(Substitute(File.ReadAllText(path), parameters), Path.GetFileName(path));
}
