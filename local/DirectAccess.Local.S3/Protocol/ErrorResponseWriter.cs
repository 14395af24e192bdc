using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// Writes S3's REST error shape (S3 API reference, "Error responses"): <c>application/xml</c>,
/// <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestId/&gt;&lt;HostId/&gt;&lt;/Error&gt;</c>. HEAD responses carry no body.
/// </summary>
public static class ErrorResponseWriter
{
    /// <summary>Writes <paramref name="error"/> unless the response has started (then the connection is aborted).</summary>
    public static async Task WriteAsync(HttpContext context, S3Exception error, string requestId, string hostId)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            // Headers already went out with a success status: the only honest signal left is a broken connection.
            context.Abort();
            return;
        }

        // Keep only the request-id headers: half-set success headers (ETag, Content-Length) must not leak into an error.
        response.Headers.Clear();
        response.Headers["x-amz-request-id"] = requestId;
        response.Headers["x-amz-id-2"] = hostId;
        response.StatusCode = error.StatusCode;
        if (HttpMethods.IsHead(context.Request.Method) || error.StatusCode == 304)
        {
            return;
        }

        var body = Render(error, requestId, hostId);
        response.ContentType = "application/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    /// <summary>The UTF-8 XML document for <paramref name="error"/>.</summary>
    public static byte[] Render(S3Exception error, string requestId, string hostId)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("Error");
            xml.WriteElementString("Code", error.Code);
            xml.WriteElementString("Message", error.Message);
            foreach (var (name, value) in error.Details)
            {
                xml.WriteElementString(name, value);
            }

            xml.WriteElementString("RequestId", requestId);
            xml.WriteElementString("HostId", hostId);
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
