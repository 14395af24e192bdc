using System.Text.Json;
using DirectAccess.Functions.Tests.Support;
using DirectAccess.Functions.Tests.Support.Doubles;

namespace DirectAccess.Functions.Tests;

/// <summary>Middleware order and the per-invocation DI scope, through the real Runtime API loop.</summary>
public sealed class WorkerPipelineTests
{
    [Test]
    public async Task MiddlewareRunsInRegistrationOrderAroundTheFunction()
    {
        var log = new CallLog();
        await using var worker = await WorkerRuntimeLoopTests.StartContextWorkerAsync(log);

        await worker.Runtime.InvokeAsync("{}"u8.ToArray());

        Assert.That(
            log.Entries().Where(entry => !entry.StartsWith("disposed:", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "outer:before", "inner:before", "function", "inner:after", "outer:after" }));
    }

    [Test]
    public async Task EachInvocationGetsItsOwnScopeSharedByMiddlewareAndFunctionAndDisposedAfter()
    {
        var log = new CallLog();
        await using var worker = await WorkerRuntimeLoopTests.StartContextWorkerAsync(log);

        var first = JsonSerializer.Deserialize((await worker.Runtime.InvokeAsync("{}"u8.ToArray())).Body, TestJsonContext.Default.ContextReport)!;
        var second = JsonSerializer.Deserialize((await worker.Runtime.InvokeAsync("{}"u8.ToArray())).Body, TestJsonContext.Default.ContextReport)!;

        Assert.Multiple(() =>
        {
            Assert.That(first.ScopedId, Is.Not.EqualTo(Guid.Empty), "the function's constructor and context share one scope");
            Assert.That(second.ScopedId, Is.Not.EqualTo(first.ScopedId), "a new scope per invocation");
            Assert.That(first.OuterMiddlewareScopedId, Is.EqualTo(first.ScopedId), "middleware sees the invocation's scope");
            Assert.That(log.Entries(), Does.Contain($"disposed:{first.ScopedId}"), "the scope is disposed after the invocation");
        });
    }
}
