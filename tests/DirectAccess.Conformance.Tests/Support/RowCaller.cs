using Amazon.Runtime;
using Amazon.S3;
using DirectAccess.Client;
using DirectAccess.Client.Config;
using DirectAccess.Client.Functions;
using DirectAccess.Client.Http;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>The clients a matrix row's request is made with: the caller's S3 and Lambda, signed with the caller's credentials.</summary>
public sealed record RowCaller(IAmazonS3 S3, LambdaInvokeClient Lambda)
{
    /// <summary>The clients of a signed-in session (identity-pool credentials).</summary>
    public static RowCaller Of(DirectAccessSession session) => new(session.Files.S3, session.Functions.Lambda);

    /// <summary>Clients signed with <paramref name="credentials"/> directly (used for a role the identity pool never hands out).</summary>
    public static RowCaller Of(DirectAccessConfig config, AWSCredentials credentials, HttpClient http) =>
        new(new AmazonS3Client(credentials, DirectAccessSession.S3Config(config)),
            new LambdaInvokeClient(http, config.ResolveEndpoint("lambda"), config.Region, credentials, new ClockSkew()));
}
