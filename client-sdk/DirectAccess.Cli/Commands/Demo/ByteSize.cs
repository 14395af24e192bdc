using System.Globalization;
using System.Text.RegularExpressions;

namespace DirectAccess.Cli.Commands.Demo;

/// <summary>Parses sizes such as <c>64MiB</c>, <c>1GiB</c>, <c>500MB</c>, <c>1048576</c> into bytes.</summary>
public static partial class ByteSize
{
    /// <summary>The size in bytes.</summary>
    /// <exception cref="ArgumentException">When the text is not a positive size with a known unit.</exception>
    public static long Parse(string text)
    {
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new ArgumentException($"'{text}' is not a size (examples: 64MiB, 1GiB, 500MB, 1048576)");
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var multiplier = match.Groups["u"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "K" or "KIB" => 1L << 10,
            "M" or "MIB" => 1L << 20,
            "G" or "GIB" => 1L << 30,
            "T" or "TIB" => 1L << 40,
            "KB" => 1_000L,
            "MB" => 1_000_000L,
            "GB" => 1_000_000_000L,
            "TB" => 1_000_000_000_000L,
            var unit => throw new ArgumentException($"unknown size unit '{unit}'"),
        };
        var bytes = (long)(number * multiplier);
        return bytes > 0 ? bytes : throw new ArgumentException($"size must be positive: '{text}'");
    }

    /// <summary>Human form: <c>1.0 GiB</c>, <c>64.0 MiB</c>.</summary>
    public static string Format(double bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (1L << 30):F1} GiB",
        >= 1L << 20 => $"{bytes / (1L << 20):F1} MiB",
        >= 1L << 10 => $"{bytes / (1L << 10):F1} KiB",
        _ => $"{bytes:F0} B",
    };

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>[a-zA-Z]*)$")]
    private static partial Regex SizePattern();
}
