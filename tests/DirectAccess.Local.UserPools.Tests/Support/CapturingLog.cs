using System.Text;
using System.Text.RegularExpressions;

namespace DirectAccess.Local.UserPools.Tests.Support;

/// <summary>A thread-safe log writer whose text tests can read (confirmation codes, temporary passwords).</summary>
public sealed partial class CapturingLog : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public string Snapshot()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    /// <summary>The last confirmation code logged for <paramref name="username"/>.</summary>
    public string ConfirmationCodeFor(string username)
    {
        var matches = CodeLine().Matches(Snapshot()).Where(m => m.Groups["user"].Value == username).ToList();
        Assert.That(matches, Is.Not.Empty, $"no confirmation code logged for {username}");
        return matches[^1].Groups["code"].Value;
    }

    [GeneratedRegex(@"confirmation code for user '(?<user>[^']+)' in \S+: (?<code>\d{6})")]
    private static partial Regex CodeLine();
}
