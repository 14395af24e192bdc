namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>
/// One matrix row's request, performed live: the answer, and checks (as the administrator) that an allowed request
/// really took effect or that a refused one changed nothing.
/// </summary>
public sealed record RowRun(ServiceAnswer Answer, Func<Task> CheckTookEffect, Func<Task> CheckChangedNothing)
{
    public static Task Nothing() => Task.CompletedTask;
}
