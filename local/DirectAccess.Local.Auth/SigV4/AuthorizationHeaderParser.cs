using DirectAccess.Local.Auth.Errors;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// Parses <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> (AWS General Reference,
/// "Add the signature to the HTTP request"). Components may be separated by commas with or without spaces.
/// </summary>
internal static class AuthorizationHeaderParser
{
    /// <summary>Parses <paramref name="header"/>; throws <see cref="SigV4Exception"/> naming what is wrong.</summary>
    /// <exception cref="SigV4Exception"><see cref="SigV4Failure.UnsupportedAlgorithm"/> for anything but
    /// <c>AWS4-HMAC-SHA256</c>; <see cref="SigV4Failure.MalformedAuthorization"/> for a missing or bad component.</exception>
    public static SignatureParameters Parse(string header)
    {
        var space = header.IndexOf(' ');
        var algorithm = space < 0 ? header : header[..space];
        if (algorithm != SigV4Names.Algorithm)
        {
            throw new SigV4Exception(SigV4Failure.UnsupportedAlgorithm, $"Unsupported Authorization Type '{algorithm}'.");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var component in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = component.IndexOf('=');
            if (equals <= 0)
            {
                throw Malformed($"the component '{component}' is not a key=value pair");
            }

            var value = component[(equals + 1)..].Trim();
            switch (component[..equals].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: throw Malformed($"unknown component '{component[..equals]}'");
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            throw Malformed("it must contain Credential, SignedHeaders and Signature");
        }

        var scope = SignatureParameters.SplitCredential(credential) ?? throw Malformed($"the Credential '{credential}' is not <key>/<date>/<region>/<service>/aws4_request");
        var names = SignatureParameters.SplitSignedHeaders(signedHeaders) ?? throw Malformed("SignedHeaders is empty");
        return new SignatureParameters(scope[0], scope[1], scope[2], scope[3], scope[4], names, signedHeaders, signature,
            IsPresigned: false, ExpiresSeconds: null);
    }

    private static SigV4Exception Malformed(string why) => new(SigV4Failure.MalformedAuthorization, why);
}
