using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// Writes an S3 REST-XML response body: UTF-8, root element in the <c>http://s3.amazonaws.com/doc/2006-03-01/</c>
/// namespace, <c>application/xml</c>, with a Content-Length. Bodies are small (a listing page at most).
/// </summary>
public static class XmlResponse
{
    /// <summary>The S3 XML namespace.</summary>
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>Builds the document with <paramref name="writeContent"/> inside <paramref name="rootElement"/> and sends it.</summary>
    public static async Task WriteAsync(HttpResponse response, string rootElement, Action<XmlWriter> writeContent, int statusCode = 200)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(rootElement, Namespace);
            writeContent(xml);
            xml.WriteEndElement();
        }

        response.StatusCode = statusCode;
        response.ContentType = "application/xml";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Writes <c>&lt;name&gt;value&lt;/name&gt;</c> when <paramref name="value"/> is not null.</summary>
    public static void Optional(this XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, value);
        }
    }

    /// <summary>Writes a boolean element as S3 does (<c>true</c>/<c>false</c>).</summary>
    public static void Bool(this XmlWriter xml, string name, bool value) => xml.WriteElementString(name, value ? "true" : "false");

    /// <summary>Writes an integer element.</summary>
    public static void Number(this XmlWriter xml, string name, long value) =>
        xml.WriteElementString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Writes an <c>Owner</c>/<c>Initiator</c>-shaped element (<c>ID</c>, <c>DisplayName</c>).</summary>
    public static void Principal(this XmlWriter xml, string element, string id)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("ID", id);
        xml.WriteElementString("DisplayName", id);
        xml.WriteEndElement();
    }
}
