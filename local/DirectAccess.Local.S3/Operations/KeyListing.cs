namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// One page of a key listing with S3's delimiter rule (S3 user guide, "Organizing objects using prefixes"): a key
/// whose remainder after the prefix contains the delimiter is rolled up into a common prefix (prefix through the first
/// delimiter), reported once; contents and common prefixes together count against the page size.
/// </summary>
/// <typeparam name="T">The listed item (object or upload).</typeparam>
/// <param name="Contents">Items listed individually.</param>
/// <param name="CommonPrefixes">Rolled-up prefixes, in order.</param>
/// <param name="IsTruncated">True when more entries follow.</param>
/// <param name="LastEntry">The last entry returned (a key or a common prefix), to resume after; null when empty.</param>
/// <param name="LastEntryIsPrefix">True when <paramref name="LastEntry"/> is a common prefix.</param>
public sealed record KeyListing<T>(IReadOnlyList<T> Contents, IReadOnlyList<string> CommonPrefixes, bool IsTruncated,
    string? LastEntry, bool LastEntryIsPrefix)
{
    /// <summary>Builds a page.</summary>
    /// <param name="ordered">Items in key order, already starting after the resume point and filtered by prefix.</param>
    /// <param name="keyOf">The key of an item.</param>
    /// <param name="prefix">Listing prefix ("" for none).</param>
    /// <param name="delimiter">Delimiter, or null/empty for none.</param>
    /// <param name="maxEntries">Page size (0 allowed: empty page).</param>
    /// <param name="skipPrefix">A common prefix returned on the previous page: its keys are not listed again.</param>
    public static KeyListing<T> Build(IEnumerable<T> ordered, Func<T, string> keyOf, string prefix, string? delimiter,
        int maxEntries, string? skipPrefix)
    {
        var contents = new List<T>();
        var prefixes = new List<string>();
        string? last = null;
        var lastIsPrefix = false;
        foreach (var item in ordered)
        {
            var key = keyOf(item);
            if (skipPrefix is not null && key.StartsWith(skipPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string? rolledUp = null;
            if (!string.IsNullOrEmpty(delimiter))
            {
                var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (at >= 0)
                {
                    rolledUp = key[..(at + delimiter.Length)];
                    if (lastIsPrefix && rolledUp == last)
                    {
                        continue; // same common prefix as the previous entry
                    }
                }
            }

            if (contents.Count + prefixes.Count >= maxEntries)
            {
                return new KeyListing<T>(contents, prefixes, true, last, lastIsPrefix);
            }

            if (rolledUp is not null)
            {
                prefixes.Add(rolledUp);
                last = rolledUp;
                lastIsPrefix = true;
            }
            else
            {
                contents.Add(item);
                last = key;
                lastIsPrefix = false;
            }
        }

        return new KeyListing<T>(contents, prefixes, false, last, lastIsPrefix);
    }
}
