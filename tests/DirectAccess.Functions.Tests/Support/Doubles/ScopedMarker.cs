namespace DirectAccess.Functions.Tests.Support.Doubles;

/// <summary>A scoped service that logs its disposal, to prove one DI scope per invocation.</summary>
public sealed class ScopedMarker(CallLog log) : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public void Dispose() => log.Add($"disposed:{Id}");
}
