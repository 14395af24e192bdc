using System.Globalization;
using DirectAccess.Local.Auth.Errors;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// Parses query-string authentication (S3 API reference, "Authenticating Requests: Using Query Parameters (AWS
/// Signature Version 4)"): <c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Date</c>, <c>X-Amz-Expires</c>
/// (1 to 604800 seconds), <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Signature</c>.
/// </summary>
internal static class PresignedQueryParser
{
    /// <summary>True when the query carries an <c>X-Amz-Signature</c> or <c>X-Amz-Algorithm</c>, i.e. is presigned.</summary>
    public static bool IsPresigned(IQueryCollection query) =>
        query.ContainsKey(SigV4Names.QuerySignature) || query.ContainsKey(SigV4Names.QueryAlgorithm);

    /// <summary>True for a Signature Version 2 presigned query (<c>AWSAccessKeyId</c> and <c>Signature</c>), which is refused.</summary>
    public static bool IsSignatureVersion2(IQueryCollection query) =>
        query.ContainsKey("AWSAccessKeyId") && query.ContainsKey("Signature");

    /// <summary>Parses the presigned parameters of <paramref name="query"/>.</summary>
    /// <exception cref="SigV4Exception"><see cref="SigV4Failure.MalformedQuery"/> for a missing, repeated or bad parameter;
    /// <see cref="SigV4Failure.ExpiresTooLong"/> when <c>X-Amz-Expires</c> exceeds 604800.</exception>
    public static SignatureParameters Parse(IQueryCollection query)
    {
        var algorithm = Single(query, SigV4Names.QueryAlgorithm);
        if (algorithm != SigV4Names.Algorithm)
        {
            throw new SigV4Exception(SigV4Failure.MalformedQuery, $"X-Amz-Algorithm only supports \"{SigV4Names.Algorithm}\"");
        }

        var credential = Single(query, SigV4Names.QueryCredential);
        var scope = SignatureParameters.SplitCredential(credential)
            ?? throw new SigV4Exception(SigV4Failure.MalformedQuery, "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        var signedHeadersText = Single(query, SigV4Names.QuerySignedHeaders);
        var signedHeaders = SignatureParameters.SplitSignedHeaders(signedHeadersText)
            ?? throw new SigV4Exception(SigV4Failure.MalformedQuery, "X-Amz-SignedHeaders is empty.");
        var expiresText = Single(query, SigV4Names.QueryExpires);
        if (!int.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            throw new SigV4Exception(SigV4Failure.MalformedQuery, "X-Amz-Expires should be a number");
        }

        if (expires > SigV4Names.MaxPresignedExpirySeconds)
        {
            throw new SigV4Exception(SigV4Failure.ExpiresTooLong, "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }

        if (expires < 1)
        {
            throw new SigV4Exception(SigV4Failure.MalformedQuery, "X-Amz-Expires must be non-negative");
        }

        _ = Single(query, SigV4Names.QueryDate);
        return new SignatureParameters(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, signedHeadersText,
            Single(query, SigV4Names.QuerySignature), IsPresigned: true, ExpiresSeconds: expires);
    }

    private static string Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            throw new SigV4Exception(SigV4Failure.MalformedQuery,
                $"Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters (problem with {name}).");
        }

        return values[0]!;
    }
}
