using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DirectAccess.Local.Identity.Sts;

/// <summary>One Query-protocol call: the HTTP request, its raw body (for SigV4) and its parameters.</summary>
public sealed record StsCall(HttpRequest Request, byte[] Body, IReadOnlyDictionary<string, StringValues> Parameters)
{
    /// <summary>A parameter's value, or null when absent.</summary>
    public string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A required parameter with length limits; AWS's <c>ValidationError</c> wording otherwise.</summary>
    /// <exception cref="StsException"><c>ValidationError</c>.</exception>
    public string Required(string name, int min, int max)
    {
        var member = char.ToLowerInvariant(name[0]) + name[1..];
        var value = Get(name) ?? throw new StsException("ValidationError",
            $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
        return value.Length >= min && value.Length <= max
            ? value
            : throw StsException.Validation(value.Length > 64 ? "***" : value, member,
                value.Length < min ? $"Member must have length greater than or equal to {min}" : $"Member must have length less than or equal to {max}");
    }
}
