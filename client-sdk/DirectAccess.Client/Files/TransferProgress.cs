namespace DirectAccess.Client.Files;

/// <summary>
/// A progress report of an upload or download. Sizes in bytes; <see cref="BytesPerSecond"/> is the average rate of
/// this run (bytes moved since start ÷ seconds elapsed; resumed bytes are counted as done but not in the rate);
/// <see cref="EstimatedRemaining"/> is null until a rate is known.
/// </summary>
/// <param name="BytesTransferred">Bytes done, including parts finished before a resume.</param>
/// <param name="TotalBytes">Total size in bytes.</param>
/// <param name="BytesPerSecond">Average rate of this run in bytes per second.</param>
/// <param name="EstimatedRemaining">Time left at that rate, or null.</param>
/// <param name="PartsDone">Parts done (1 for single-request transfers when finished).</param>
/// <param name="PartsTotal">Number of parts.</param>
public readonly record struct TransferProgress(long BytesTransferred, long TotalBytes, double BytesPerSecond, TimeSpan? EstimatedRemaining, int PartsDone, int PartsTotal)
{
    /// <summary>0–100.</summary>
    public double Percent => TotalBytes == 0 ? 100 : 100.0 * BytesTransferred / TotalBytes;
}
