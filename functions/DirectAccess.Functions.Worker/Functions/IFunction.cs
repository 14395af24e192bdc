using DirectAccess.Functions.Worker.Context;

namespace DirectAccess.Functions.Worker.Functions;

/// <summary>
/// A function with a typed JSON request and response. Resolved from the invocation's DI scope, so it may take
/// scoped services in its constructor. The worker deserializes the payload (an empty payload counts as <c>{}</c>, as
/// Lambda delivers for an Invoke without one) and serializes the result with the source-generated type info given at
/// registration.
/// </summary>
/// <typeparam name="TRequest">The payload type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public interface IFunction<in TRequest, TResponse>
{
    /// <summary>Handles one invocation.</summary>
    /// <param name="request">The deserialized payload; never null.</param>
    /// <param name="context">The invocation's context (identity, deadline, cancellation, logger).</param>
    /// <returns>The response, serialized as the invocation result.</returns>
    Task<TResponse> RunAsync(TRequest request, FunctionContext context);
}

/// <summary>
/// A function that reads the raw payload from <see cref="FunctionContext.InputStream"/> and writes the raw response
/// to <see cref="FunctionContext.OutputStream"/>. Resolved from the invocation's DI scope.
/// </summary>
public interface IStreamFunction
{
    /// <summary>Handles one invocation.</summary>
    /// <param name="context">The invocation's context, including the payload and response streams.</param>
    /// <returns>A task that completes when the response is written.</returns>
    Task RunAsync(FunctionContext context);
}
