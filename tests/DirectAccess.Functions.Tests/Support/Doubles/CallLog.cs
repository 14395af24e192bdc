namespace DirectAccess.Functions.Tests.Support.Doubles;

/// <summary>A thread-safe record of what middleware, functions and scoped services did, in order (a singleton).</summary>
public sealed class CallLog
{
    private readonly List<string> _entries = [];

    public void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    public string[] Entries()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }
}
