using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// The pool and user an admin call names (<c>UserPoolId</c>, <c>Username</c>). Admin calls are not subject to
/// PreventUserExistenceErrors: an unknown user is <c>UserNotFoundException</c> "User does not exist.".
/// </summary>
public sealed class AdminTarget(UserPoolDirectory pools, UserStore users)
{
    /// <summary>The pool named by <c>UserPoolId</c>.</summary>
    /// <exception cref="CognitoException"><c>ResourceNotFoundException</c> for an unknown pool.</exception>
    public UserPoolModel Pool(CognitoRequest request) => pools.Pool(request.Required("UserPoolId"));

    /// <summary>The pool and the existing user named by <c>Username</c>.</summary>
    /// <exception cref="CognitoException"><c>ResourceNotFoundException</c>, <c>UserNotFoundException</c>.</exception>
    public (UserPoolModel Pool, UserRecord User) User(CognitoRequest request)
    {
        var pool = Pool(request);
        var user = users.Find(pool.Id, request.Required("Username")) ?? throw CognitoException.UserNotFound();
        return (pool, user);
    }

    /// <summary>The pool's group named by <c>GroupName</c>.</summary>
    /// <exception cref="CognitoException"><c>ResourceNotFoundException</c> "Group not found.".</exception>
    public static GroupModel Group(UserPoolModel pool, CognitoRequest request)
    {
        var name = request.Required("GroupName");
        return pool.Groups.FirstOrDefault(g => g.Name == name)
            ?? throw new CognitoException("ResourceNotFoundException", "Group not found.");
    }
}
