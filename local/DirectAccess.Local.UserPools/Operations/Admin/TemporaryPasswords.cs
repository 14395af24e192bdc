using System.Security.Cryptography;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// Generates the temporary password <c>AdminCreateUser</c> sends when none is given: at least the policy's length
/// and never under 16, with a lower-case letter, an upper-case letter, a digit and a symbol, so any policy accepts it.
/// </summary>
public static class TemporaryPasswords
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#%&*+-=?@^_";

    /// <summary>A new random password satisfying <paramref name="policy"/>.</summary>
    public static string For(PasswordPolicyModel policy)
    {
        var length = Math.Clamp(policy.MinimumLength, 16, 99);
        var all = Lower + Upper + Digits + Symbols;
        var chars = new List<char> { Pick(Lower), Pick(Upper), Pick(Digits), Pick(Symbols) };
        while (chars.Count < length)
        {
            chars.Add(Pick(all));
        }

        // Shuffle so the required classes are not always at the front.
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
