using System.Text;
using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Identities;
using DirectAccess.Local.Identity.Protocol;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// <c>ListIdentities {IdentityPoolId, MaxResults (1–60), NextToken?, HideDisabled?} → {IdentityPoolId,
/// Identities[{IdentityId, Logins[], CreationDate, LastModifiedDate}], NextToken?}</c>; dates in epoch seconds, pages
/// ordered by identity id, <c>NextToken</c> opaque (base64 of the last id). Administrator only (SigV4). Identities are
/// never disabled locally, so <c>HideDisabled</c> changes nothing.
/// </summary>
public sealed class ListIdentitiesOperation(IdentityPoolDirectory pools, AdministratorGate administrator, IdentityRepository identities)
    : IIdentityPoolOperation
{
    /// <inheritdoc />
    public string Name => "ListIdentities";

    /// <inheritdoc />
    public JsonObject Execute(IdentityPoolCall call)
    {
        var poolId = call.Input.RequiredString("IdentityPoolId", 1, 55, JsonRequest.IdPattern());
        var maxResults = call.Input.Int("MaxResults", 1, 60)
            ?? throw new IdentityPoolException("ValidationException",
                "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
        var nextToken = call.Input.String("NextToken", 1, 65535);
        administrator.Demand(call, Name, poolId);
        pools.Get(poolId);

        var after = nextToken is null ? null : DecodeToken(nextToken);
        var page = identities.List(poolId, maxResults + 1, after);
        var shown = page.Take(maxResults).ToArray();
        var result = new JsonObject
        {
            ["IdentityPoolId"] = poolId,
            ["Identities"] = new JsonArray(shown.Select(i => (JsonNode)new JsonObject
            {
                ["IdentityId"] = i.IdentityId,
                ["Logins"] = new JsonArray(i.ProviderName),
                ["CreationDate"] = i.CreationDate.ToUnixTimeMilliseconds() / 1000.0,
                ["LastModifiedDate"] = i.LastModifiedDate.ToUnixTimeMilliseconds() / 1000.0,
            }).ToArray()),
        };
        if (page.Count > maxResults)
        {
            result["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(shown[^1].IdentityId));
        }

        return result;
    }

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw IdentityPoolException.InvalidParameter("Invalid NextToken.");
        }
    }
}
