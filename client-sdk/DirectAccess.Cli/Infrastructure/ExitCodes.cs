namespace DirectAccess.Cli.Infrastructure;

/// <summary>The command's exit codes, the same for every command so scripts can rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Ok = 0;

    /// <summary>The service refused (e.g. <c>AccessDenied</c>), a function failed, or a demo step did not behave as expected.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: unknown option, unreadable file, malformed JSON or config.</summary>
    public const int BadInput = 2;

    /// <summary>Not signed in, or sign-in refused (<c>NotAuthorizedException</c> and friends).</summary>
    public const int NotSignedIn = 3;
}
