namespace DirectAccess.Functions.Worker.Invocation;

/// <summary>
/// How one invocation ended: either the function wrote its response to the output stream (<see cref="Error"/> is
/// null), or it failed with a <see cref="FunctionError"/> to be posted to the Runtime API's <c>/error</c>.
/// </summary>
/// <param name="Error">The function error, or null on success.</param>
public readonly record struct InvocationOutcome(FunctionError? Error)
{
    /// <summary>True when the function succeeded and its response is in the output stream.</summary>
    public bool Succeeded => Error is null;
}
