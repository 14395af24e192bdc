namespace DirectAccess.Local.Auth.Errors;

/// <summary>Thrown inside the verifier to stop at the first failure; never escapes the authenticator.</summary>
/// <param name="failure">What went wrong.</param>
/// <param name="detail">The specific part of AWS's message (e.g. the wrong region) or a diagnostic.</param>
internal sealed class SigV4Exception(SigV4Failure failure, string detail) : Exception(detail)
{
    /// <summary>What went wrong.</summary>
    public SigV4Failure Failure { get; } = failure;

    /// <summary>The detail for the message.</summary>
    public string Detail { get; } = detail;
}
