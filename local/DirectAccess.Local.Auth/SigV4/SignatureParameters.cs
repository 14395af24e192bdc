namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// What a request claims about its signature, from the <c>Authorization</c> header or the presigned query
/// (AWS General Reference, "Signature Version 4"; S3 API reference, "Authenticating Requests: Using Query Parameters").
/// </summary>
/// <param name="AccessKeyId">The key id of <c>Credential=&lt;key&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>.</param>
/// <param name="ScopeDate">Scope date, <c>yyyyMMdd</c>.</param>
/// <param name="ScopeRegion">Scope region, e.g. <c>us-east-1</c>.</param>
/// <param name="ScopeService">Scope service (signing name), e.g. <c>s3</c>.</param>
/// <param name="ScopeTerminator">The last scope part; must be <c>aws4_request</c>.</param>
/// <param name="SignedHeaders">Lower-case header names, in the order given.</param>
/// <param name="SignedHeadersText">The <c>SignedHeaders</c> value as sent (it is part of the canonical request).</param>
/// <param name="Signature">The 64 hex characters claimed.</param>
/// <param name="IsPresigned">True for query-string authentication.</param>
/// <param name="ExpiresSeconds">Presigned lifetime from <c>X-Amz-Expires</c> (seconds); null for header auth.</param>
internal sealed record SignatureParameters(
    string AccessKeyId,
    string ScopeDate,
    string ScopeRegion,
    string ScopeService,
    string ScopeTerminator,
    string[] SignedHeaders,
    string SignedHeadersText,
    string Signature,
    bool IsPresigned,
    int? ExpiresSeconds)
{
    /// <summary>The credential scope: <c>&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>.</summary>
    public string Scope => $"{ScopeDate}/{ScopeRegion}/{ScopeService}/{ScopeTerminator}";

    /// <summary>Splits <c>&lt;key&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>; null when it does not have five parts.</summary>
    public static string[]? SplitCredential(string credential)
    {
        var parts = credential.Split('/');
        return parts.Length == 5 && parts.All(p => p.Length > 0) ? parts : null;
    }

    /// <summary>Splits and lower-cases a <c>SignedHeaders</c> value (<c>host;x-amz-date</c>); null when empty.</summary>
    public static string[]? SplitSignedHeaders(string signedHeaders)
    {
        var names = signedHeaders.Split(';');
        if (names.Length == 0 || names.Any(n => n.Length == 0))
        {
            return null;
        }

        for (var i = 0; i < names.Length; i++)
        {
            names[i] = names[i].ToLowerInvariant();
        }

        return names;
    }
}
