using System.Globalization;
using System.Text;
using System.Text.Json;
using DirectAccess.Local.Lambda.Functions;
using DirectAccess.Local.Lambda.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Operations;

/// <summary>
/// <c>ListFunctions</c> (Lambda API reference): IAM action <c>lambda:ListFunctions</c> on resource <c>*</c>; 200
/// <c>{"Functions":[FunctionConfiguration...],"NextMarker":..}</c> in name order, at most 50 per page (or
/// <c>MaxItems</c>, 1–10000, whichever is smaller). <c>Marker</c> is the opaque token of the previous page.
/// <c>MasterRegion</c> filters for Lambda@Edge replicas, of which there are none here (empty list).
/// </summary>
public sealed class ListFunctionsOperation(FunctionCatalog catalog, LambdaRequestGate gate, LambdaStartTime started)
{
    private const int PageLimit = 50;

    /// <summary>Serves the request.</summary>
    /// <exception cref="LambdaException">Any refusal, in Lambda's error shapes.</exception>
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var caller = gate.Authenticate(request, ReadOnlySpan<byte>.Empty);
        gate.Authorize(caller, "lambda:ListFunctions", "*", request);

        var query = request.Query;
        var pageSize = PageLimit;
        if (query["MaxItems"].FirstOrDefault() is { } maxItems)
        {
            if (!int.TryParse(maxItems, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) || requested is < 1 or > 10000)
            {
                throw LambdaException.Validation(
                    $"1 validation error detected: Value '{maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
            }

            pageSize = Math.Min(requested, PageLimit);
        }

        if (query["FunctionVersion"].FirstOrDefault() is { } version && version != "ALL")
        {
            throw LambdaException.Validation(
                $"1 validation error detected: Value '{version}' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]");
        }

        var functions = query.ContainsKey("MasterRegion") ? [] : catalog.Functions;
        var start = 0;
        if (query["Marker"].FirstOrDefault() is { Length: > 0 } marker)
        {
            start = DecodeMarker(marker, functions.Count);
        }

        using var buffer = new MemoryStream(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Functions");
            var end = Math.Min(functions.Count, start + pageSize);
            for (var i = start; i < end; i++)
            {
                FunctionConfigurationWriter.Write(json, functions[i], started.Value);
            }

            json.WriteEndArray();
            if (end < functions.Count)
            {
                json.WriteString("NextMarker", Convert.ToBase64String(Encoding.UTF8.GetBytes(end.ToString(CultureInfo.InvariantCulture))));
            }

            json.WriteEndObject();
        }

        await JsonResponse.WriteAsync(context.Response, buffer);
    }

    private static int DecodeMarker(string marker, int count)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index <= count)
            {
                return index;
            }
        }
        catch (FormatException)
        {
            // Not ours: refused below.
        }

        throw LambdaException.InvalidParameterValue("Invalid pagination token.");
    }
}
