using System.Text.Json;
using DirectAccess.Local.Lambda.Functions;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Lambda.Protocol;

/// <summary>
/// Writes a <c>FunctionConfiguration</c> structure (botocore <c>lambda/2015-03-31</c>) for a template function:
/// <c>Timeout</c> in whole seconds, <c>MemorySize</c> in MB, <c>LastModified</c> as Lambda formats it
/// (<c>yyyy-MM-ddTHH:mm:ss.fff+0000</c>, UTC), <c>Version</c> <c>$LATEST</c>, state <c>Active</c>.
/// </summary>
public static class FunctionConfigurationWriter
{
    /// <summary>Writes the object for <paramref name="function"/>.</summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="function">The function.</param>
    /// <param name="lastModified">When the local cloud loaded the template (UTC).</param>
    public static void Write(Utf8JsonWriter json, FunctionModel function, DateTimeOffset lastModified)
    {
        json.WriteStartObject();
        json.WriteString("FunctionName", function.Name);
        json.WriteString("FunctionArn", function.Arn);
        json.WriteString("Runtime", function.Runtime);
        json.WriteString("Role", function.RoleArn);
        json.WriteString("Handler", function.Handler);
        json.WriteNumber("CodeSize", 0);
        json.WriteString("Description", string.Empty);
        json.WriteNumber("Timeout", (int)Math.Ceiling(function.Timeout.TotalSeconds));
        json.WriteNumber("MemorySize", function.MemorySizeMb);
        json.WriteString("LastModified", lastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("CodeSha256", string.Empty);
        json.WriteString("Version", FunctionCatalog.LatestVersion);
        json.WriteStartObject("Environment");
        json.WriteStartObject("Variables");
        foreach (var (name, value) in function.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("TracingConfig");
        json.WriteString("Mode", "PassThrough");
        json.WriteEndObject();
        json.WriteString("State", "Active");
        json.WriteString("LastUpdateStatus", "Successful");
        json.WriteString("PackageType", "Zip");
        json.WriteStartArray("Architectures");
        json.WriteStringValue("x86_64");
        json.WriteEndArray();
        json.WriteStartObject("EphemeralStorage");
        json.WriteNumber("Size", 512);
        json.WriteEndObject();
        json.WriteStartObject("LoggingConfig");
        json.WriteString("LogFormat", "Text");
        json.WriteString("LogGroup", $"/aws/lambda/{function.Name}");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
