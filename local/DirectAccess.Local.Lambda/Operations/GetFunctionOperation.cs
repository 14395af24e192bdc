using System.Text.Json;
using DirectAccess.Local.Lambda.Functions;
using DirectAccess.Local.Lambda.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Operations;

/// <summary>
/// <c>GetFunction</c> (Lambda API reference): IAM action <c>lambda:GetFunction</c> on the function ARN (qualified when
/// a qualifier was given); 200 <c>{"Configuration":FunctionConfiguration,"Code":{"RepositoryType":"S3"}}</c>.
/// The code location is omitted: the local cloud runs the build output, there is no package to download.
/// </summary>
public sealed class GetFunctionOperation(FunctionCatalog catalog, LambdaRequestGate gate, LambdaStartTime started)
{
    /// <summary>Serves the request.</summary>
    /// <exception cref="LambdaException">Any refusal, in Lambda's error shapes.</exception>
    public async Task HandleAsync(HttpContext context, string functionName)
    {
        var request = context.Request;
        var caller = gate.Authenticate(request, ReadOnlySpan<byte>.Empty);
        var reference = catalog.Parse(functionName, request.Query["Qualifier"].FirstOrDefault());
        gate.Authorize(caller, "lambda:GetFunction", reference.QualifiedArn, request);
        var function = catalog.Find(reference);

        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("Configuration");
            FunctionConfigurationWriter.Write(json, function, started.Value);
            json.WriteStartObject("Code");
            json.WriteString("RepositoryType", "S3");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await JsonResponse.WriteAsync(context.Response, buffer);
    }
}
