using System.Text.Json;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Template.Outputs;

/// <summary>
/// Writes <c>&lt;data-dir&gt;/directaccess.json</c> once the listener is up: a flat JSON object of the template's
/// resolved <c>Outputs</c> (keys exactly the output keys) plus <c>"Endpoint": "http://127.0.0.1:&lt;port&gt;"</c> — the
/// file a client reads for a deployed stack too (DESIGN.md, "The local cloud"). Written beside and renamed, so a
/// reader never sees half a file.
/// </summary>
public sealed class StackConfigFileWriter(LocalCloudOptions options, StackModel stack) : IStartupTask
{
    /// <summary>The file name under the data dir.</summary>
    public const string FileName = "directaccess.json";

    /// <inheritdoc />
    public async Task RunAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(stack.Outputs, StringComparer.Ordinal)
        {
            ["Endpoint"] = endpoint.GetLeftPart(UriPartial.Authority),
        };
        var path = Path.Combine(options.DataDir, FileName);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
