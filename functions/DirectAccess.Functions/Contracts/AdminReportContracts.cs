namespace DirectAccess.Functions.Contracts;

/// <summary>The <c>AdminReport</c> payload: an empty JSON object.</summary>
public sealed record AdminReportRequest;

/// <summary>The <c>AdminReport</c> response: storage used under each identity's private prefix.</summary>
/// <param name="Bucket">The bucket reported on.</param>
/// <param name="Prefixes">One entry per <c>private/&lt;identity id&gt;/</c> prefix holding objects, sorted ordinally.</param>
/// <param name="TotalObjects">The sum of <see cref="PrefixUsage.Objects"/>.</param>
/// <param name="TotalBytes">The sum of <see cref="PrefixUsage.Bytes"/>.</param>
public sealed record AdminReportResponse(string Bucket, IReadOnlyList<PrefixUsage> Prefixes, long TotalObjects, long TotalBytes);

/// <summary>Storage used under one identity's prefix.</summary>
/// <param name="Prefix">The prefix, <c>private/&lt;identity id&gt;/</c>.</param>
/// <param name="Objects">How many objects it holds.</param>
/// <param name="Bytes">Their total size in bytes.</param>
public sealed record PrefixUsage(string Prefix, long Objects, long Bytes);
