using System.Diagnostics;
using System.Text;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// A worker's output lines: each goes to the cloud's log (prefixed with the function name) and, while an invocation
/// runs, into that invocation's log, whose last 4 KB become <c>X-Amz-Log-Result</c> (Invoke API reference).
/// </summary>
public sealed class WorkerLog(string functionName, TextWriter? sink)
{
    /// <summary>Size of the log tail returned with <c>X-Amz-Log-Type: Tail</c>, in bytes.</summary>
    public const int TailBytes = 4096;

    // Keep a little more text than the tail needs so trimming is rare; characters are at most 4 UTF-8 bytes.
    private const int KeptCharacters = TailBytes * 2;

    private readonly Lock _gate = new();
    private StringBuilder? _invocation;
    private long _lastLineTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Records one line of worker output (from the stdout or stderr reader).</summary>
    public void Write(string line)
    {
        lock (_gate)
        {
            _lastLineTimestamp = Stopwatch.GetTimestamp();
            if (_invocation is { } current)
            {
                current.Append(line).Append('\n');
                if (current.Length > KeptCharacters * 2)
                {
                    current.Remove(0, current.Length - KeptCharacters);
                }
            }

            sink?.WriteLine($"[lambda:{functionName}] {line}");
        }
    }

    /// <summary>Starts an invocation's log with Lambda's <c>START RequestId: &lt;id&gt; Version: $LATEST</c> line.</summary>
    public void Begin(string requestId)
    {
        lock (_gate)
        {
            _invocation = new StringBuilder(256);
        }

        Write($"START RequestId: {requestId} Version: $LATEST");
    }

    /// <summary>
    /// Waits until the worker's output has been quiet for a moment (at most 50 ms), so lines written just before the
    /// response was posted are read from the pipe before the tail is taken.
    /// </summary>
    public async Task SettleAsync()
    {
        var quiet = TimeSpan.FromMilliseconds(3);
        var giveUp = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
        while (Stopwatch.GetTimestamp() < giveUp)
        {
            long last;
            lock (_gate)
            {
                last = _lastLineTimestamp;
            }

            var idle = Stopwatch.GetElapsedTime(last);
            if (idle >= quiet)
            {
                return;
            }

            await Task.Delay(quiet - idle);
        }
    }

    /// <summary>
    /// Ends the invocation's log with <c>END</c> and <c>REPORT</c> lines and returns its tail: base64 of at most the
    /// last <see cref="TailBytes"/> bytes of UTF-8.
    /// </summary>
    public string End(string requestId, TimeSpan duration, int memorySizeMb)
    {
        Write($"END RequestId: {requestId}");
        Write(FormattableString.Invariant(
            $"REPORT RequestId: {requestId}\tDuration: {duration.TotalMilliseconds:0.00} ms\tBilled Duration: {Math.Max(1, (long)Math.Ceiling(duration.TotalMilliseconds))} ms\tMemory Size: {memorySizeMb} MB\t"));
        string text;
        lock (_gate)
        {
            text = _invocation?.ToString() ?? string.Empty;
            _invocation = null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToBase64String(bytes.AsSpan(Math.Max(0, bytes.Length - TailBytes)));
    }
}
