using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// Derives SigV4 signing keys (AWS General Reference, "Calculate the signature": <c>kDate = HMAC("AWS4" + secret,
/// date)</c>, <c>kRegion = HMAC(kDate, region)</c>, <c>kService = HMAC(kRegion, service)</c>,
/// <c>kSigning = HMAC(kService, "aws4_request")</c>) and caches them per (secret, date, region, service): a key is valid
/// for a whole day, and deriving it costs four HMACs per request otherwise. Thread-safe.
/// </summary>
internal sealed class SigningKeyCache
{
    /// <summary>Entries kept before the cache is cleared; bounds memory when many keys or days pass through.</summary>
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> _keys = new();

    /// <summary>The 32-byte signing key. Callers must not modify the returned array.</summary>
    public byte[] Get(string secret, string date, string region, string service)
    {
        var cacheKey = (secret, date, region, service);
        if (_keys.TryGetValue(cacheKey, out var key))
        {
            return key;
        }

        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        key = Derive(secret, date, region, service);
        _keys[cacheKey] = key;
        return key;
    }

    /// <summary>Computes the signing key without the cache.</summary>
    public static byte[] Derive(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, Encoding.UTF8.GetBytes(SigV4Names.ScopeTerminator));
    }
}
