using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Tests.Support.Doubles;

/// <summary>Copies the payload to the response.</summary>
public sealed class EchoFunction : IStreamFunction
{
    public Task RunAsync(FunctionContext context) => context.InputStream.CopyToAsync(context.OutputStream, context.CancellationToken);
}

/// <summary>Writes one byte more than Lambda's 6 MB response limit.</summary>
public sealed class OversizeFunction : IStreamFunction
{
    public Task RunAsync(FunctionContext context) =>
        context.OutputStream.WriteAsync(new byte[ResponseBuffer.MaximumBytes + 1], context.CancellationToken).AsTask();
}

/// <summary>Always fails with an ordinary .NET exception.</summary>
public sealed class ThrowingFunction : IStreamFunction
{
    public Task RunAsync(FunctionContext context) => throw new InvalidOperationException("boom from the function");
}

/// <summary>Waits for the deadline token and records when it fired.</summary>
public sealed class DeadlineFunction(DeadlineProbe probe) : IStreamFunction
{
    public async Task RunAsync(FunctionContext context)
    {
        probe.Started = DateTimeOffset.UtcNow;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.CancellationToken);
        }
        finally
        {
            probe.Cancelled = DateTimeOffset.UtcNow;
            probe.RemainingAtCancel = context.RemainingTime;
        }
    }
}

/// <summary>When <see cref="DeadlineFunction"/> started and saw its token fire.</summary>
public sealed class DeadlineProbe
{
    public DateTimeOffset Started { get; set; }

    public DateTimeOffset Cancelled { get; set; }

    public TimeSpan RemainingAtCancel { get; set; }
}
