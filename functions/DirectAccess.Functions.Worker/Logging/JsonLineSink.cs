using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Logging;

/// <summary>
/// Writes one JSON object per line to a stream (stdout in Lambda, where each line becomes one CloudWatch Logs event).
/// Field names follow Lambda's JSON log format: <c>timestamp</c> (ISO-8601 UTC), <c>level</c>
/// (TRACE/DEBUG/INFO/WARN/ERROR/FATAL), <c>requestId</c>, <c>message</c>; plus <c>logger</c> and, for exceptions,
/// <c>errorType</c>, <c>errorMessage</c> and <c>stackTrace</c>. Lines are written whole under a lock.
/// </summary>
internal sealed class JsonLineSink(Stream output, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>Writes one entry as a single line and flushes it.</summary>
    public void Write(string category, LogLevel level, string message, Exception? exception)
    {
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", clock.GetUtcNow().UtcDateTime);
                json.WriteString("level", LevelName(level));
                var requestId = CurrentInvocation.AwsRequestId;
                if (requestId is not null)
                {
                    json.WriteString("requestId", requestId);
                }

                json.WriteString("logger", category);
                json.WriteString("message", message);
                if (exception is not null)
                {
                    json.WriteString("errorType", exception.GetType().Name);
                    json.WriteString("errorMessage", exception.Message);
                    json.WriteString("stackTrace", exception.StackTrace);
                }

                json.WriteEndObject();
            }

            _buffer.Write("\n"u8);
            output.Write(_buffer.WrittenSpan);
            output.Flush();
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };
}
