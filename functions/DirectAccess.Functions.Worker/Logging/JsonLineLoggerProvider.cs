using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Logging;

/// <summary>
/// The worker's logger provider: every entry becomes one JSON line on stdout carrying the current request id (see
/// <see cref="JsonLineSink"/> for the fields). Filtering by level is left to Microsoft.Extensions.Logging's rules.
/// </summary>
[ProviderAlias("JsonLine")]
public sealed class JsonLineLoggerProvider : ILoggerProvider
{
    private readonly JsonLineSink _sink;

    /// <summary>Creates a provider writing to <paramref name="output"/> (the process's stdout by default).</summary>
    /// <param name="output">The stream lines are written to; not disposed by the provider.</param>
    public JsonLineLoggerProvider(Stream output) => _sink = new JsonLineSink(output, TimeProvider.System);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(categoryName, _sink);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class JsonLineLogger(string category, JsonLineSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
