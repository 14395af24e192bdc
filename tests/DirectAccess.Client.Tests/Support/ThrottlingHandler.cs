namespace DirectAccess.Client.Tests.Support;

/// <summary>Delays every request whose method is <see cref="Method"/> (default PUT: part uploads) so a transfer lasts long enough to be interrupted or outlive its credentials.</summary>
public sealed class ThrottlingHandler(TimeSpan delay) : DelegatingHandler(new SocketsHttpHandler())
{
    public HttpMethod Method { get; init; } = HttpMethod.Put;

    public int Throttled;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == Method)
        {
            Interlocked.Increment(ref Throttled);
            await Task.Delay(delay, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
