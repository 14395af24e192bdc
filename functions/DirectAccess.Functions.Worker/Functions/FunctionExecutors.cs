using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DirectAccess.Functions.Worker.Invocation;
using DirectAccess.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Functions.Worker.Functions;

/// <summary>Builds the terminal pipeline step for each kind of function (typed JSON or raw stream).</summary>
internal static class FunctionExecutors
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>A step that deserializes the payload, runs <typeparamref name="TFunction"/> and serializes its result.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="json"/> lacks one of the two types.</exception>
    public static FunctionExecutionDelegate Typed<TFunction, TRequest, TResponse>(JsonSerializerContext json)
        where TFunction : class, IFunction<TRequest, TResponse>
    {
        var requestType = TypeInfo<TRequest>(json);
        var responseType = TypeInfo<TResponse>(json);
        return async context =>
        {
            var request = ReadRequest(context.InputStream, requestType);
            var function = context.InstanceServices.GetRequiredService<TFunction>();
            var response = await function.RunAsync(request, context).ConfigureAwait(false);
            await JsonSerializer.SerializeAsync(context.OutputStream, response, responseType, context.CancellationToken)
                .ConfigureAwait(false);
        };
    }

    /// <summary>A step that hands the raw streams to <typeparamref name="TFunction"/>.</summary>
    public static FunctionExecutionDelegate Stream<TFunction>()
        where TFunction : class, IStreamFunction
    {
        return context => context.InstanceServices.GetRequiredService<TFunction>().RunAsync(context);
    }

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerContext json) =>
        json.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{json.GetType().Name} has no [JsonSerializable(typeof({typeof(T).Name}))].");

    /// <summary>
    /// Reads the payload; the worker's input is always an in-memory stream of at most 6 MB, so it is parsed from its
    /// buffer without another copy. Malformed or null payloads become an <c>InvalidRequest</c> function error.
    /// </summary>
    private static TRequest ReadRequest<TRequest>(Stream input, JsonTypeInfo<TRequest> requestType)
    {
        try
        {
            TRequest? request;
            if (input is MemoryStream memory && memory.TryGetBuffer(out var buffer))
            {
                var span = buffer.AsSpan((int)memory.Position);
                request = JsonSerializer.Deserialize(span.IsEmpty ? EmptyObject : span, requestType);
            }
            else if (input.CanSeek && input.Position == input.Length)
            {
                request = JsonSerializer.Deserialize(EmptyObject, requestType);
            }
            else
            {
                request = JsonSerializer.Deserialize(input, requestType);
            }

            return request ?? throw new FunctionErrorException(FunctionErrorException.InvalidRequest, "The payload must be a JSON object, not null.");
        }
        catch (JsonException exception)
        {
            throw new FunctionErrorException(FunctionErrorException.InvalidRequest, $"The payload is not valid for this function: {exception.Message}", exception);
        }
    }
}
