namespace DirectAccess.Functions.Worker.Runtime;

/// <summary>
/// The Runtime API answered in a way a runtime cannot recover from (HTTP 500 "container error", an unexpected status,
/// or an invocation without <c>Lambda-Runtime-Aws-Request-Id</c>). AWS's guidance for a custom runtime is to exit;
/// the worker does so with a non-zero code.
/// </summary>
public sealed class RuntimeApiException(string message) : Exception(message);
