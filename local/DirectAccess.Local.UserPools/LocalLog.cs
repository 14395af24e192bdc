namespace DirectAccess.Local.UserPools;

/// <summary>Writes a line to the local cloud's log (<see cref="LocalCloudOptions.Log"/>), one writer at a time.</summary>
public static class LocalLog
{
    private static readonly Lock Gate = new();

    /// <summary>Appends <paramref name="line"/> and flushes.</summary>
    public static void Write(LocalCloudOptions options, string line)
    {
        lock (Gate)
        {
            options.Log.WriteLine(line);
            options.Log.Flush();
        }
    }
}
