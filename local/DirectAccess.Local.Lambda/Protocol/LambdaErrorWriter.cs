using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Protocol;

/// <summary>
/// Writes a <see cref="LambdaException"/> the way Lambda's REST-JSON protocol does: the status, header
/// <c>x-amzn-ErrorType: &lt;Code&gt;</c>, <c>Content-Type: application/json</c>, and the body shape of the code.
/// </summary>
public static class LambdaErrorWriter
{
    /// <summary>Writes the error; the response must not have started.</summary>
    public static async Task WriteAsync(HttpResponse response, LambdaException error)
    {
        response.StatusCode = error.StatusCode;
        response.Headers[LambdaHeaders.ErrorType] = error.ErrorCode;
        response.ContentType = "application/json";
        if (error.ExtraHeaders is not null)
        {
            foreach (var (name, value) in error.ExtraHeaders)
            {
                response.Headers[name] = value;
            }
        }

        var body = Serialize(error);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    /// <summary>The error's JSON body.</summary>
    public static byte[] Serialize(LambdaException error)
    {
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            switch (error.Body)
            {
                case LambdaErrorBody.UserTypeAndMessage:
                    json.WriteString("Type", "User");
                    json.WriteString("message", error.Message);
                    break;
                case LambdaErrorBody.UserTypeAndCapitalMessage:
                    json.WriteString("Type", "User");
                    json.WriteString("Message", error.Message);
                    break;
                case LambdaErrorBody.ServiceTypeAndCapitalMessage:
                    json.WriteString("Type", "Service");
                    json.WriteString("Message", error.Message);
                    break;
                case LambdaErrorBody.CapitalMessageOnly:
                    json.WriteString("Message", error.Message);
                    break;
                default:
                    json.WriteString("message", error.Message);
                    break;
            }

            if (error.ExtraMembers is not null)
            {
                foreach (var (name, value) in error.ExtraMembers)
                {
                    json.WriteString(name, value);
                }
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
