namespace DirectAccess.Local;

/// <summary>Start-up settings of the local cloud. Every value has a documented default.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>Default admin access key id (for admin APIs and the CLI): <c>AKIADIRECTACCESSADMIN</c>.</summary>
    public const string DefaultAdminAccessKeyId = "AKIADIRECTACCESSADMIN";

    /// <summary>Default admin secret access key: <c>directaccess-local-admin-secret</c>.</summary>
    public const string DefaultAdminSecretAccessKey = "directaccess-local-admin-secret";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port (default 4566).</summary>
    public int Port { get; init; } = 4566;

    /// <summary>Directory for durable state (SQLite, object files, keys, <c>directaccess.json</c>).</summary>
    public required string DataDir { get; init; }

    /// <summary>Path of the SAM template; the policies it references are resolved relative to it.</summary>
    public required string TemplatePath { get; init; }

    /// <summary>AWS region the local ids and ARNs use (default <c>us-east-1</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Stack name for <c>AWS::StackName</c> (default <c>directaccess</c>).</summary>
    public string StackName { get; init; } = "directaccess";

    /// <summary>Account id used in local ARNs (default <c>000000000000</c>).</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>Admin access key id; requests signed with it are the account's administrator.</summary>
    public string AdminAccessKeyId { get; init; } = DefaultAdminAccessKeyId;

    /// <summary>Admin secret access key.</summary>
    public string AdminSecretAccessKey { get; init; } = DefaultAdminSecretAccessKey;

    /// <summary>Lifetime of identity-pool credentials (AWS: 1 hour). Shorter values are for tests.</summary>
    public TimeSpan CredentialLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When set, one JSON line per IAM decision is appended to this file.</summary>
    public string? AuditLogPath { get; init; }

    /// <summary>Maximum concurrent worker processes per function (default 4).</summary>
    public int MaxWorkersPerFunction { get; init; } = 4;

    /// <summary>Where log lines go (default: standard output).</summary>
    public TextWriter Log { get; init; } = Console.Out;
}
