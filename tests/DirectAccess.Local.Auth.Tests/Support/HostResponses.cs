using System.Text.Json;
using System.Text.RegularExpressions;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>Reads the error code out of the test host's answers (S3 XML or the buffered JSON).</summary>
public static partial class HostResponses
{
    public static async Task<(int Status, string? Code, string? Message)> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            using var json = JsonDocument.Parse(body);
            return ((int)response.StatusCode, json.RootElement.GetProperty("code").GetString(), json.RootElement.GetProperty("message").GetString());
        }

        var code = CodePattern().Match(body);
        var message = MessagePattern().Match(body);
        return ((int)response.StatusCode, code.Success ? code.Groups[1].Value : null, message.Success ? System.Net.WebUtility.HtmlDecode(message.Groups[1].Value) : null);
    }

    [GeneratedRegex("<Code>([^<]*)</Code>")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<Message>([^<]*)</Message>")]
    private static partial Regex MessagePattern();
}
