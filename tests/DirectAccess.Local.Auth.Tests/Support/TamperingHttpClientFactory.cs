using Amazon.Runtime;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>Gives the AWS SDK an HttpClient whose handler can rewrite each request body after the SDK signed it.</summary>
public sealed class TamperingHttpClientFactory(Func<byte[], byte[]> tamper) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new TamperingHandler(tamper) { InnerHandler = new HttpClientHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    private sealed class TamperingHandler(Func<byte[], byte[]> tamper) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                var body = tamper(await content.ReadAsByteArrayAsync(cancellationToken));
                var replacement = new ByteArrayContent(body);
                foreach (var header in content.Headers.Where(h => h.Key != "Content-Length"))
                {
                    replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                request.Content = replacement;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
