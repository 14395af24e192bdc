namespace DirectAccess.Local.Auth.Errors;

/// <summary>Thrown inside the verifier to stop at the first failure; never escapes the authenticator.</summary>
internal sealed class SigV4Exception : Exception
{
    /// <summary>A failure of a header-signed request (or one where the style does not matter).</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="detail">The specific part of AWS's message (e.g. the wrong region) or a diagnostic.</param>
    public SigV4Exception(SigV4Failure failure, string detail)
        : this(failure, presigned: false, detail)
    {
    }

    /// <summary>A failure, noting whether the request was presigned (S3 words and codes some errors differently).</summary>
    public SigV4Exception(SigV4Failure failure, bool presigned, string detail)
        : base(detail)
    {
        Failure = failure;
        Presigned = presigned;
        Detail = detail;
    }

    /// <summary>What went wrong.</summary>
    public SigV4Failure Failure { get; }

    /// <summary>True when the request used query-string (presigned) authentication.</summary>
    public bool Presigned { get; }

    /// <summary>The detail for the message.</summary>
    public string Detail { get; }
}
