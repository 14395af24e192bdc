using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Identity.Sts;

/// <summary>
/// Query-protocol XML for STS (namespace <c>https://sts.amazonaws.com/doc/2011-06-15/</c>): success is
/// <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;...&lt;/{Action}Result&gt;&lt;ResponseMetadata&gt;&lt;RequestId/&gt;...</c>,
/// errors are <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;Sender&lt;/Type&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.
/// </summary>
public static class StsXml
{
    /// <summary>The STS XML namespace.</summary>
    public static readonly XNamespace Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>An element in the STS namespace.</summary>
    public static XElement Element(string name, params object?[] content) => new(Namespace + name, content);

    /// <summary>Writes a 200 response for <paramref name="action"/> whose result holds <paramref name="result"/>.</summary>
    public static Task WriteResultAsync(HttpContext context, string action, params XElement[] result)
    {
        var requestId = Guid.NewGuid().ToString();
        var document = Element(action + "Response",
            Element(action + "Result", result),
            Element("ResponseMetadata", Element("RequestId", requestId)));
        return WriteAsync(context, StatusCodes.Status200OK, requestId, document);
    }

    /// <summary>Writes <paramref name="error"/>.</summary>
    public static Task WriteErrorAsync(HttpContext context, StsException error)
    {
        var requestId = Guid.NewGuid().ToString();
        var document = Element("ErrorResponse",
            Element("Error", Element("Type", error.StatusCode >= 500 ? "Receiver" : "Sender"), Element("Code", error.Code), Element("Message", error.Message)),
            Element("RequestId", requestId));
        return WriteAsync(context, error.StatusCode, requestId, document);
    }

    private static async Task WriteAsync(HttpContext context, int status, string requestId, XElement document)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.WriteAsync(document.ToString(SaveOptions.DisableFormatting));
    }
}
