using DirectAccess.Local.Model;

namespace DirectAccess.Local.UserPools;

/// <summary>Finds the stack's user pools and app clients by id, failing with Cognito's <c>ResourceNotFoundException</c>.</summary>
public sealed class UserPoolDirectory(StackModel stack)
{
    /// <summary>The stack's region (for issuers).</summary>
    public string Region => stack.Region;

    /// <summary>Every pool of the stack.</summary>
    public IReadOnlyList<UserPoolModel> Pools => stack.UserPools;

    /// <summary>The pool <paramref name="userPoolId"/>.</summary>
    /// <exception cref="CognitoException"><c>ResourceNotFoundException</c> "User pool &lt;id&gt; does not exist.".</exception>
    public UserPoolModel Pool(string userPoolId) =>
        stack.UserPools.FirstOrDefault(p => p.Id == userPoolId)
        ?? throw new CognitoException("ResourceNotFoundException", $"User pool {userPoolId} does not exist.");

    /// <summary>The app client <paramref name="clientId"/> and its pool.</summary>
    /// <exception cref="CognitoException"><c>ResourceNotFoundException</c> "User pool client &lt;id&gt; does not exist.".</exception>
    public (UserPoolModel Pool, UserPoolClientModel Client) Client(string clientId)
    {
        foreach (var pool in stack.UserPools)
        {
            var client = pool.Clients.FirstOrDefault(c => c.ClientId == clientId);
            if (client is not null)
            {
                return (pool, client);
            }
        }

        throw new CognitoException("ResourceNotFoundException", $"User pool client {clientId} does not exist.");
    }

    /// <summary>The pool whose issuer is <paramref name="issuer"/>, or null.</summary>
    public UserPoolModel? ByIssuer(string issuer) => stack.UserPools.FirstOrDefault(p => p.Issuer(stack.Region) == issuer);

    /// <summary>The SRP pool name: the part of the pool id after <c>_</c> (REFERENCE.md §3).</summary>
    public static string SrpPoolName(UserPoolModel pool) => pool.Id[(pool.Id.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
