namespace DirectAccess.Local.Identity.Sts;

/// <summary>
/// An STS error, returned as Query-protocol XML <c>ErrorResponse{Error{Type, Code, Message}, RequestId}</c> with
/// HTTP <see cref="StatusCode"/> (botocore <c>sts</c> 2011-06-15 error shapes).
/// </summary>
public sealed class StsException(string code, string message, int statusCode = 400) : Exception(message)
{
    /// <summary>AWS error code, e.g. <c>AccessDenied</c>, <c>InvalidIdentityToken</c>, <c>ValidationError</c>.</summary>
    public string Code { get; } = code;

    /// <summary>HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary><c>ValidationError</c> in AWS's wording for a constraint on a member.</summary>
    public static StsException Validation(string value, string member, string constraint) =>
        new("ValidationError", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}
