using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using DirectAccess.Local.S3.Operations;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;
using DirectAccess.Local.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectAccess.Local.S3;

/// <summary>Registers S3 (REST-XML), which takes every request no other service takes.</summary>
public static class S3Services
{
    /// <summary>
    /// Adds the S3 store (data under <c>&lt;data-dir&gt;/s3/</c>, catalog in the shared SQLite database), its operations
    /// and its <see cref="IAwsServiceHandler"/>. Needs <see cref="DirectAccess.Local.Security.IRequestAuthenticator"/>,
    /// <see cref="DirectAccess.Local.Security.IAccessAuthorizer"/> and <see cref="StateDatabase"/> from the other areas. Crash debris is
    /// removed when the store is first resolved, before any request is served.
    /// </summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        services.AddSingleton(_ => new S3DataDirectory(options.DataDir));
        services.AddSingleton(provider => new CatalogDatabase(provider.GetRequiredService<StateDatabase>()));
        services.AddSingleton<ObjectCatalog>();
        services.AddSingleton<UploadCatalog>();
        services.AddSingleton<BodyReceiver>();
        services.AddSingleton<S3Authorization>();
        services.TryAddSingleton(TimeProvider.System); // a clock registered earlier (tests) wins
        services.AddSingleton<BucketOperations>();
        services.AddSingleton<ObjectReadOperations>();
        services.AddSingleton<ObjectWriteOperations>();
        services.AddSingleton<DeleteOperations>();
        services.AddSingleton<ListObjectsOperation>();
        services.AddSingleton<MultipartUploadOperations>();
        services.AddSingleton<MultipartListOperations>();
        services.AddSingleton<IAwsServiceHandler>(provider =>
        {
            StartupCleanup.Run(provider.GetRequiredService<S3DataDirectory>(), provider.GetRequiredService<ObjectCatalog>(),
                provider.GetRequiredService<UploadCatalog>());
            return ActivatorUtilities.CreateInstance<S3Handler>(provider, options.Log);
        });
    }
}
