// The DirectAccess functions executable: one binary for every function; DIRECTACCESS_FUNCTION (else _HANDLER) picks
// the one this process serves over the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API.
using DirectAccess.Functions;
using DirectAccess.Functions.Worker.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddDirectAccessFunctions();
await using var host = builder.Build();
return await host.RunAsync();
