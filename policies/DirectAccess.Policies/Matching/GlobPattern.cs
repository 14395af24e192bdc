using System.Runtime.CompilerServices;
using DirectAccess.Policies.Variables;

namespace DirectAccess.Policies.Matching;

/// <summary>
/// A compiled IAM wildcard pattern: <c>*</c> matches any run of characters (including none), <c>?</c> exactly one,
/// everything else literally (IAM user guide, "Resource" and "String condition operators"). Policy variables are
/// resolved per request and their values matched literally, so a value containing <c>*</c> cannot widen a grant.
/// Matching is a segment scan without regular expressions and without allocation (up to four variables).
/// </summary>
internal sealed class GlobPattern
{
    private const int StackVariables = 4;

    private readonly PatternPiece[][] _segments;
    private readonly PatternPiece[] _variables;
    private readonly StringComparison _comparison;
    private readonly FastPath _fastPath;
    private readonly string _fastText = "";

    private enum FastPath { None, Everything, Exact, Prefix }

    /// <summary>Compiles <paramref name="pieces"/>; <paramref name="source"/> is kept for messages.</summary>
    public GlobPattern(string source, IReadOnlyList<PatternPiece> pieces, StringComparison comparison)
    {
        Source = source;
        _comparison = comparison;

        var segments = new List<PatternPiece[]>();
        var current = new List<PatternPiece>();
        var variables = new List<PatternPiece>();
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.AnyRun:
                    segments.Add([.. current]);
                    current.Clear();
                    break;
                case PieceKind.Variable:
                    var numbered = piece with { Slot = variables.Count };
                    variables.Add(numbered);
                    current.Add(numbered);
                    break;
                default:
                    current.Add(piece);
                    break;
            }
        }

        segments.Add([.. current]);
        _segments = [.. segments];
        _variables = [.. variables];
        _fastPath = ChooseFastPath(out _fastText);
    }

    /// <summary>The pattern as written in the policy.</summary>
    public string Source { get; }

    /// <summary>The variables the pattern uses (key and default), in order of appearance.</summary>
    public IEnumerable<PatternPiece> Variables => _variables;

    /// <summary>
    /// True when <paramref name="input"/> matches. A variable that cannot be resolved from <paramref name="context"/>
    /// makes the pattern not match (callers check variables first to make the whole statement not apply).
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> input, RequestContext? context)
    {
        switch (_fastPath)
        {
            case FastPath.Everything:
                return true;
            case FastPath.Exact:
                return input.Equals(_fastText, _comparison);
            case FastPath.Prefix:
                return input.StartsWith(_fastText, _comparison);
        }

        if (_variables.Length == 0)
        {
            return MatchSegments(input, []);
        }

        VariableBuffer buffer = default;
        Span<string?> values = _variables.Length <= StackVariables
            ? ((Span<string?>)buffer)[.._variables.Length]
            : new string?[_variables.Length];
        foreach (var variable in _variables)
        {
            if (!PolicyVariables.TryResolve(context, variable.Text, variable.Default, out var value))
            {
                return false;
            }

            values[variable.Slot] = value;
        }

        return MatchSegments(input, values);
    }

    private FastPath ChooseFastPath(out string text)
    {
        text = "";
        if (_variables.Length > 0)
        {
            return FastPath.None;
        }

        bool IsPlain(PatternPiece[] segment) => segment.Length == 0 || (segment.Length == 1 && segment[0].Kind == PieceKind.Literal);
        string TextOf(PatternPiece[] segment) => segment.Length == 0 ? "" : segment[0].Text;

        if (_segments.Length == 1 && IsPlain(_segments[0]))
        {
            text = TextOf(_segments[0]);
            return FastPath.Exact;
        }

        if (_segments.Length == 2 && IsPlain(_segments[0]) && _segments[1].Length == 0)
        {
            text = TextOf(_segments[0]);
            return text.Length == 0 ? FastPath.Everything : FastPath.Prefix;
        }

        return FastPath.None;
    }

    private bool MatchSegments(ReadOnlySpan<char> input, ReadOnlySpan<string?> values)
    {
        var first = _segments[0];
        var firstLength = SegmentLength(first, values);
        if (_segments.Length == 1)
        {
            return firstLength == input.Length && MatchSegmentAt(input, 0, first, values);
        }

        var last = _segments[^1];
        var lastLength = SegmentLength(last, values);
        if (firstLength + lastLength > input.Length
            || !MatchSegmentAt(input, 0, first, values)
            || !MatchSegmentAt(input, input.Length - lastLength, last, values))
        {
            return false;
        }

        // Middle segments: the leftmost occurrence of each is always the best choice, because the stars around it
        // can absorb anything and every segment has a fixed length.
        var position = firstLength;
        var end = input.Length - lastLength;
        for (var s = 1; s < _segments.Length - 1; s++)
        {
            var segment = _segments[s];
            var length = SegmentLength(segment, values);
            var found = false;
            for (var p = position; p + length <= end; p++)
            {
                if (MatchSegmentAt(input, p, segment, values))
                {
                    position = p + length;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static int SegmentLength(PatternPiece[] segment, ReadOnlySpan<string?> values)
    {
        var length = 0;
        foreach (var piece in segment)
        {
            length += piece.Kind switch
            {
                PieceKind.Literal => piece.Text.Length,
                PieceKind.AnyChar => 1,
                _ => values[piece.Slot]!.Length,
            };
        }

        return length;
    }

    private bool MatchSegmentAt(ReadOnlySpan<char> input, int position, PatternPiece[] segment, ReadOnlySpan<string?> values)
    {
        foreach (var piece in segment)
        {
            if (piece.Kind == PieceKind.AnyChar)
            {
                if (position >= input.Length)
                {
                    return false;
                }

                position++;
                continue;
            }

            var text = piece.Kind == PieceKind.Literal ? piece.Text : values[piece.Slot]!;
            if (position + text.Length > input.Length || !input.Slice(position, text.Length).Equals(text, _comparison))
            {
                return false;
            }

            position += text.Length;
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    [InlineArray(StackVariables)]
    private struct VariableBuffer
    {
        private string? _element;
    }
}
