using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DirectAccess.Policies.Conditions;

/// <summary>An IPv4 or IPv6 CIDR block (RFC 4632 / RFC 4291); a bare address is a /32 or /128.</summary>
internal sealed class IpRange
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private IpRange(byte[] network, int prefixLength)
    {
        _network = network;
        _prefixLength = prefixLength;
    }

    /// <summary>Parses <c>203.0.113.0/24</c>, <c>2001:DB8::/32</c> or a bare address.</summary>
    /// <exception cref="FormatException">Not an address, or a prefix length out of range.</exception>
    public static IpRange Parse(string text)
    {
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%'))
        {
            throw new FormatException($"'{text}' is not an IP address or CIDR block");
        }

        var bytes = Normalize(address).GetAddressBytes();
        var maxPrefix = bytes.Length * 8;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
                           || prefix > maxPrefix))
        {
            throw new FormatException($"'{text}' has a bad prefix length (0-{maxPrefix})");
        }

        return new IpRange(bytes, prefix);
    }

    /// <summary>True when <paramref name="text"/> is an address of the same family inside this block.</summary>
    public bool Contains(string text)
    {
        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!Normalize(parsed).TryWriteBytes(bytes, out var length) || length != _network.Length)
        {
            return false;
        }

        var fullBytes = _prefixLength / 8;
        if (!bytes[..fullBytes].SequenceEqual(_network.AsSpan(0, fullBytes)))
        {
            return false;
        }

        var remainingBits = _prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (bytes[fullBytes] & mask) == (_network[fullBytes] & mask);
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
