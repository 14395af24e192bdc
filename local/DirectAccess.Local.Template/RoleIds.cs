using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Local.Template;

/// <summary>
/// The local IAM role id (<c>Fn::GetAtt Role.RoleId</c>, the first half of <c>aws:userid</c> for a role session):
/// <c>AROA</c> + 17 uppercase alphanumerics, derived from the role ARN so every component computes the same id.
/// </summary>
public static class RoleIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>The role id of <paramref name="roleArn"/>.</summary>
    public static string For(string roleArn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(roleArn));
        var chars = new char[17];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return "AROA" + new string(chars);
    }
}
