using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Worker.Runtime;

/// <summary>One answer of <c>/runtime/invocation/next</c>: the parsed headers and the payload (at most 6 MB, in memory).</summary>
/// <param name="Invocation">The parsed headers, or null when they were refused (see <paramref name="Refusal"/>).</param>
/// <param name="Refusal">Why the headers were refused, or null.</param>
/// <param name="Payload">The event payload, exactly as received.</param>
internal sealed record NextInvocation(RuntimeInvocation? Invocation, InvalidInvocationException? Refusal, MemoryStream Payload);
