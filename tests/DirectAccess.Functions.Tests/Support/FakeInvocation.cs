namespace DirectAccess.Functions.Tests.Support;

/// <summary>The Runtime API headers the fake sends with one invocation.</summary>
public sealed record FakeInvocation
{
    public string AwsRequestId { get; init; } = Guid.NewGuid().ToString();

    /// <summary><c>Lambda-Runtime-Deadline-Ms</c> verbatim (null: header omitted); 30 s from now by default.</summary>
    public string? DeadlineHeader { get; init; } = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string InvokedFunctionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:Test";

    public string TraceId { get; init; } = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c> verbatim, or null to omit it.</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary><c>Lambda-Runtime-Client-Context</c> verbatim, or null to omit it.</summary>
    public string? ClientContext { get; init; }

    public static string IdentityHeader(string identityId, string poolId) =>
        $$"""{"cognitoIdentityId":"{{identityId}}","cognitoIdentityPoolId":"{{poolId}}"}""";

    public FakeInvocation WithDeadline(DateTimeOffset deadline) =>
        this with { DeadlineHeader = deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
