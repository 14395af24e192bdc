using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>The identity pools of the stack by id.</summary>
public sealed class IdentityPoolDirectory(StackModel stack)
{
    private readonly Dictionary<string, IdentityPoolModel> _pools = stack.IdentityPools.ToDictionary(p => p.Id, StringComparer.Ordinal);

    /// <summary>The pool <paramref name="identityPoolId"/>.</summary>
    /// <exception cref="IdentityPoolException"><c>ResourceNotFoundException</c> "IdentityPool '&lt;id&gt;' not found."</exception>
    public IdentityPoolModel Get(string identityPoolId) =>
        _pools.TryGetValue(identityPoolId, out var pool) ? pool : throw IdentityPoolException.NotFound($"IdentityPool '{identityPoolId}' not found.");
}
