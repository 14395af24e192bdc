using System.Xml.Linq;
using DirectAccess.Local.S3.Routing;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// Reads the small XML request bodies of CompleteMultipartUpload and DeleteObjects. The body is bounded (S3 caps both:
/// 10,000 parts, 1,000 keys) and parsed with DTDs prohibited; anything malformed is <c>MalformedXML</c>.
/// </summary>
public static class RequestXml
{
    /// <summary>Largest XML body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Reads the whole (bounded) body through the verifying payload stream, so its signature is checked.</summary>
    /// <exception cref="S3Exception">400 <c>MalformedXML</c> when too large, or the payload verifier's error.</exception>
    public static async Task<byte[]> ReadBytesAsync(S3Request request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await request.Payload.ReadAsync(chunk, request.Aborted);
            }
            catch (DirectAccess.Local.Security.PayloadVerificationException e)
            {
                throw new S3Exception(400, e.ErrorCode, e.Message);
            }

            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > MaxBodyBytes)
            {
                throw S3Errors.MalformedXml();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses an XML body with DTDs prohibited.</summary>
    /// <exception cref="S3Exception">400 <c>MalformedXML</c>.</exception>
    public static XElement Parse(byte[] body)
    {
        try
        {
            using var reader = System.Xml.XmlReader.Create(new MemoryStream(body), new System.Xml.XmlReaderSettings
            {
                DtdProcessing = System.Xml.DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            return XElement.Load(reader);
        }
        catch (System.Xml.XmlException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    /// <summary>Child elements named <paramref name="name"/> (in any namespace: SDKs send the S3 namespace or none).</summary>
    public static IEnumerable<XElement> Children(this XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == name);

    /// <summary>The text of the first child named <paramref name="name"/>, or null.</summary>
    public static string? ChildText(this XElement element, string name) => element.Children(name).FirstOrDefault()?.Value;
}
