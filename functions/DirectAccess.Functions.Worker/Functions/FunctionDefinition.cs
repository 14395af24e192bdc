using DirectAccess.Functions.Worker.Middleware;

namespace DirectAccess.Functions.Worker.Functions;

/// <summary>A registered function: its name (as named by <c>DIRECTACCESS_FUNCTION</c>) and the step that runs it.</summary>
/// <param name="Name">The function name, compared ordinally.</param>
/// <param name="FunctionType">The class registered as a scoped service; resolved once at start-up so broken dependencies are an init error.</param>
/// <param name="CreateExecutor">Builds, once and only for the function being served, the terminal step that resolves the
/// function from the invocation's scope, feeds it the payload and writes its response.</param>
public sealed record FunctionDefinition(string Name, Type FunctionType, Func<FunctionExecutionDelegate> CreateExecutor);
