using System.Text.Json;
using DirectAccess.Local.S3.Model;

namespace DirectAccess.Local.S3.Storage;

/// <summary>The JSON text stored in the catalog's <c>headers</c> and <c>segments</c> columns.</summary>
public static class CatalogJson
{
    /// <summary>Headers and metadata as JSON.</summary>
    public static string Write(ObjectHeaders headers) => JsonSerializer.Serialize(headers);

    /// <summary>Headers and metadata from JSON.</summary>
    public static ObjectHeaders ReadHeaders(string json) =>
        JsonSerializer.Deserialize<ObjectHeaders>(json) ?? ObjectHeaders.Empty;

    /// <summary>Segments as a JSON array of <c>[blob, length]</c> pairs.</summary>
    public static string Write(IReadOnlyList<BlobSegment> segments) =>
        JsonSerializer.Serialize(segments.Select(s => new object[] { s.Blob, s.Length }));

    /// <summary>Segments from JSON.</summary>
    public static IReadOnlyList<BlobSegment> ReadSegments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(pair => new BlobSegment(pair[0].GetString()!, pair[1].GetInt64()))
            .ToArray();
    }
}
