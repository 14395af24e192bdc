using System.Text;
using System.Text.Json;

namespace DirectAccess.Local.Auth.Iam;

/// <summary>
/// Appends one JSON object per IAM decision to a file (JSON Lines): <c>time</c> (ISO 8601 UTC), <c>callerArn</c>,
/// <c>identityId</c>, <c>action</c>, <c>resource</c>, <c>decision</c> (<c>Allow</c> | <c>ExplicitDeny</c> |
/// <c>ImplicitDeny</c>), <c>decidingStatement</c> (<c>policy#index (Sid)</c>, <c>administrator</c>, or null) and
/// <c>requestId</c>. Thread-safe; each line is flushed to the file before <see cref="Write"/> returns, so a crash loses
/// no decision already made.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;

    /// <summary>Opens (creating if needed) <paramref name="path"/> for appending; others may read it meanwhile.</summary>
    /// <exception cref="IOException">When the file cannot be opened.</exception>
    public AuditLog(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
    }

    /// <summary>Appends one decision line.</summary>
    public void Write(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.Serialize(entry, AuditJson.Default.AuditEntry);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }
}

/// <summary>One audit line; see <see cref="AuditLog"/> for the fields.</summary>
/// <param name="Time">When the decision was made (UTC).</param>
/// <param name="CallerArn">The caller's ARN.</param>
/// <param name="IdentityId">Cognito identity id, or null.</param>
/// <param name="Action">IAM action.</param>
/// <param name="Resource">Resource ARN.</param>
/// <param name="Decision">Allow, ExplicitDeny or ImplicitDeny.</param>
/// <param name="DecidingStatement">The deciding statement, <c>administrator</c>, or null.</param>
/// <param name="RequestId">The request id the response carries.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string CallerArn,
    string? IdentityId,
    string Action,
    string Resource,
    string Decision,
    string? DecidingStatement,
    string? RequestId);

/// <summary>Source-generated JSON for <see cref="AuditEntry"/> (camelCase names).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJson : System.Text.Json.Serialization.JsonSerializerContext;
