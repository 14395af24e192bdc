using Amazon.S3;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Handlers;
using DirectAccess.Functions.Storage;
using DirectAccess.Functions.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Functions;

/// <summary>Registers the app's four functions and the services they share, on any worker builder (the executable's or a test's).</summary>
public static class FunctionsRegistration
{
    /// <summary>
    /// Adds <c>WhoAmI</c>, <c>ProcessUpload</c>, <c>ShareFile</c> and <c>AdminReport</c>, one S3 client (singleton,
    /// built lazily from <c>AWS_REGION</c>, the execution-role credentials and <c>AWS_ENDPOINT_URL</c>), and the bucket
    /// from <c>UPLOAD_BUCKET</c>. Missing settings surface as an init error of the functions that need them.
    /// </summary>
    /// <param name="builder">The worker builder.</param>
    /// <returns>The same builder.</returns>
    public static FunctionsApplicationBuilder AddDirectAccessFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IAmazonS3>(services => S3ClientFactory.Create(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(services => new S3Endpoint(S3ClientFactory.EndpointOverride(services.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton(services => UploadBucket.From(services.GetRequiredService<IConfiguration>()));

        var json = FunctionsJsonContext.Default;
        return builder
            .AddFunction<WhoAmIFunction, WhoAmIRequest, WhoAmIResponse>(FunctionNames.WhoAmI, json)
            .AddFunction<ProcessUploadFunction, ProcessUploadRequest, UploadReceipt>(FunctionNames.ProcessUpload, json)
            .AddFunction<ShareFileFunction, ShareFileRequest, ShareFileResponse>(FunctionNames.ShareFile, json)
            .AddFunction<AdminReportFunction, AdminReportRequest, AdminReportResponse>(FunctionNames.AdminReport, json);
    }
}
