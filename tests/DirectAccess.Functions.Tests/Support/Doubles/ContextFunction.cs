using System.Text.Json.Serialization;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Tests.Support.Doubles;

public sealed record ContextRequest(string? Note);

/// <summary>What a function saw of its context.</summary>
public sealed record ContextReport(
    string? Note,
    string AwsRequestId,
    string InvokedFunctionArn,
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string? IdentityId,
    string? IdentityPoolId,
    string? TraceIdEnvironment,
    string? TraceId,
    double RemainingSeconds,
    string? ClientCustomValue,
    string? ClientAppTitle,
    Guid ScopedId,
    Guid? OuterMiddlewareScopedId);

/// <summary>A typed function reporting its context, the scoped marker it was given, and logging one line.</summary>
public sealed class ContextFunction(ScopedMarker marker, CallLog log) : IFunction<ContextRequest, ContextReport>
{
    public Task<ContextReport> RunAsync(ContextRequest request, FunctionContext context)
    {
        log.Add("function");
        context.Logger.LogInformation("context function ran for {Note}", request.Note);
        return Task.FromResult(new ContextReport(
            request.Note,
            context.AwsRequestId,
            context.InvokedFunctionArn,
            context.FunctionName,
            context.FunctionVersion,
            context.MemoryLimitInMB,
            context.Identity?.IdentityId,
            context.Identity?.IdentityPoolId,
            Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"),
            context.TraceId,
            context.RemainingTime.TotalSeconds,
            context.ClientContext?.Custom.GetValueOrDefault("team"),
            context.ClientContext?.Client?.AppTitle,
            context.InstanceServices.GetRequiredService<ScopedMarker>().Id == marker.Id ? marker.Id : Guid.Empty,
            context.Items.TryGetValue("outer", out var outer) ? (Guid?)outer : null));
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ContextRequest))]
[JsonSerializable(typeof(ContextReport))]
public sealed partial class TestJsonContext : JsonSerializerContext;
