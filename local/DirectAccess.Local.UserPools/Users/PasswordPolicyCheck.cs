using DirectAccess.Local.Model;

namespace DirectAccess.Local.UserPools.Users;

/// <summary>
/// Enforces a pool's password policy (Cognito developer guide, "Password policies"): minimum length, lower case,
/// upper case, digits, and symbols from Cognito's list. Messages are Cognito's.
/// </summary>
public static class PasswordPolicyCheck
{
    // Cognito's special characters: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
    private const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
    private const int MaximumLength = 256;

    /// <summary>Throws unless <paramref name="password"/> satisfies <paramref name="policy"/>.</summary>
    /// <exception cref="CognitoException"><c>InvalidPasswordException</c> "Password did not conform with policy: ...".</exception>
    public static void Enforce(PasswordPolicyModel policy, string password)
    {
        var problem =
            password.Length < policy.MinimumLength || password.Length < 6 ? "Password not long enough"
            : password.Length > MaximumLength ? "Password is too long"
            : policy.RequireLowercase && !password.Any(char.IsLower) ? "Password must have lowercase characters"
            : policy.RequireUppercase && !password.Any(char.IsUpper) ? "Password must have uppercase characters"
            : policy.RequireNumbers && !password.Any(char.IsAsciiDigit) ? "Password must have numeric characters"
            : policy.RequireSymbols && !password.Any(Symbols.Contains) ? "Password must have symbol characters"
            : null;
        if (problem is not null)
        {
            throw new CognitoException("InvalidPasswordException", "Password did not conform with policy: " + problem);
        }
    }
}
