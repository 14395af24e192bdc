using System.Diagnostics;

namespace DirectAccess.Client.Files;

/// <summary>Counts bytes from many workers and reports <see cref="TransferProgress"/> at most every 100 ms (and at the end).</summary>
internal sealed class ProgressTracker
{
    private static readonly long ReportIntervalTicks = Stopwatch.Frequency / 10;

    private readonly IProgress<TransferProgress>? _progress;
    private readonly long _total;
    private readonly long _alreadyDone;
    private readonly int _partsTotal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _movedThisRun;
    private int _partsDone;
    private long _lastReport;

    public ProgressTracker(IProgress<TransferProgress>? progress, long total, long alreadyDone, int partsTotal, int partsAlreadyDone)
    {
        _progress = progress;
        _total = total;
        _alreadyDone = alreadyDone;
        _partsTotal = partsTotal;
        _partsDone = partsAlreadyDone;
    }

    public long BytesMovedThisRun => Interlocked.Read(ref _movedThisRun);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void PartDone(long bytes)
    {
        Interlocked.Add(ref _movedThisRun, bytes);
        Interlocked.Increment(ref _partsDone);
        var now = _clock.ElapsedTicks;
        var last = Interlocked.Read(ref _lastReport);
        if (now - last >= ReportIntervalTicks && Interlocked.CompareExchange(ref _lastReport, now, last) == last)
        {
            Report();
        }
    }

    public void Report()
    {
        if (_progress is null)
        {
            return;
        }

        var moved = BytesMovedThisRun;
        var done = Math.Min(_total, _alreadyDone + moved);
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? moved / seconds : 0;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds((_total - done) / rate) : null;
        _progress.Report(new TransferProgress(done, _total, rate, eta, Volatile.Read(ref _partsDone), _partsTotal));
    }
}
