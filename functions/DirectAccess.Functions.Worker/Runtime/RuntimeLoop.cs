using System.Net;
using DirectAccess.Functions.Worker.Invocation;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Runtime;

/// <summary>
/// The custom-runtime processing loop of the AWS Lambda developer guide ("Using the Lambda runtime API for custom
/// runtimes", "Processing tasks"): get the next event, set <c>_X_AMZN_TRACE_ID</c>, run the function, post its
/// response or error, repeat. One invocation at a time.
/// </summary>
internal sealed class RuntimeLoop(RuntimeApiClient client, InvocationDispatcher dispatcher, ILogger logger)
{
    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Serves invocations until <paramref name="shutdown"/> is cancelled.</summary>
    /// <exception cref="RuntimeApiException">The Runtime API failed in a way the runtime must exit on.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="shutdown"/> was cancelled.</exception>
    public async Task RunAsync(CancellationToken shutdown)
    {
        while (true)
        {
            var next = await client.GetNextAsync(shutdown).ConfigureAwait(false);
            using var payload = next.Payload;
            if (next.Invocation is null)
            {
                var refusal = next.Refusal!;
                logger.LogError(refusal, "Refused invocation {AwsRequestId}", refusal.AwsRequestId);
                await ReportAsync(refusal.AwsRequestId, client.PostErrorAsync(
                    refusal.AwsRequestId,
                    new FunctionError(InvalidInvocationException.ErrorType, refusal.Message, []),
                    shutdown)).ConfigureAwait(false);
                continue;
            }

            var invocation = next.Invocation;
            Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
            using var output = new ResponseBuffer();
            var outcome = await dispatcher.DispatchAsync(invocation, payload, output, shutdown).ConfigureAwait(false);
            var posted = outcome.Error is { } error
                ? client.PostErrorAsync(invocation.AwsRequestId, error, shutdown)
                : client.PostResponseAsync(invocation.AwsRequestId, output, shutdown);
            await ReportAsync(invocation.AwsRequestId, posted).ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(string awsRequestId, Task<HttpStatusCode> post)
    {
        var status = await post.ConfigureAwait(false);
        if (status != HttpStatusCode.Accepted)
        {
            logger.LogWarning("The Runtime API answered {Status} to the result of {AwsRequestId}", (int)status, awsRequestId);
        }
    }
}
