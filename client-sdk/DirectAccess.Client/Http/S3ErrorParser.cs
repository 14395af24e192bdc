using System.Net;
using System.Xml.Linq;
using DirectAccess.Client.Errors;

namespace DirectAccess.Client.Http;

/// <summary>Reads S3's REST-XML error document <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;RequestId/&gt;&lt;/Error&gt;</c> (S3 API reference, "Error responses").</summary>
internal static class S3ErrorParser
{
    public static DirectAccessServiceException Parse(HttpResponseMessage response, string body)
    {
        string? code = null;
        string? message = null;
        string? requestId = null;
        try
        {
            var root = XDocument.Parse(body).Root;
            code = root?.Element("Code")?.Value;
            message = root?.Element("Message")?.Value;
            requestId = root?.Element("RequestId")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            // HEAD responses and proxies send no XML; fall back to the status.
        }

        requestId ??= AwsJsonProtocolClient.RequestIdOf(response);
        code ??= response.StatusCode switch
        {
            HttpStatusCode.Forbidden => "AccessDenied",
            HttpStatusCode.NotFound => "NotFound",
            _ => $"Http{(int)response.StatusCode}",
        };
        return ServiceErrors.Create(code, message ?? response.ReasonPhrase ?? "", requestId, response.StatusCode, "s3");
    }
}
