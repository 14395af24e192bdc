using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// Builds the <see cref="StackModel"/> from resolved resources: one reader per type, then clients and groups attached
/// to their user pools and role attachments to their identity pools. Cross-references that point outside the
/// template (a client of an unknown pool) are refused.
/// </summary>
internal sealed class StackAssembler(ModelContext context)
{
    private readonly List<UserPoolModel> _userPools = [];
    private readonly List<(string PoolId, UserPoolClientModel Client)> _clients = [];
    private readonly List<(string PoolId, GroupModel Group, PropertyPath At)> _groups = [];
    private readonly List<IdentityPoolModel> _identityPools = [];
    private readonly List<PropertyReader> _attachments = [];
    private readonly List<RoleModel> _roles = [];
    private readonly List<BucketModel> _buckets = [];
    private readonly List<FunctionModel> _functions = [];

    /// <summary>Reads one included resource whose properties are already resolved.</summary>
    public void Add(ResourceDefinition resource, MappingNode resolvedProperties)
    {
        var properties = new PropertyReader(resolvedProperties, new PropertyPath(resource.LogicalId, ""));
        switch (resource.Type)
        {
            case "AWS::Cognito::UserPool":
                _userPools.Add(UserPoolReader.Read(resource, properties, context));
                break;
            case "AWS::Cognito::UserPoolClient":
                var client = UserPoolClientReader.Read(resource, properties, context, out var clientPool);
                _clients.Add((clientPool, client));
                break;
            case "AWS::Cognito::UserPoolGroup":
                var group = GroupReader.Read(resource, properties, context, out var groupPool);
                _groups.Add((groupPool, group, properties.Path.Child("UserPoolId")));
                break;
            case "AWS::Cognito::IdentityPool":
                _identityPools.Add(IdentityPoolReader.Read(resource, properties, context));
                break;
            case "AWS::Cognito::IdentityPoolRoleAttachment":
                _attachments.Add(properties);
                break;
            case "AWS::IAM::Role":
                _roles.Add(RoleReader.Read(resource, properties, context));
                break;
            case "AWS::S3::Bucket":
                _buckets.Add(BucketReader.Read(resource, properties, context));
                break;
            case "AWS::Serverless::Function":
                _functions.Add(ServerlessFunctionReader.Read(resource, properties, context));
                break;
            default:
                throw properties.Path.Child("Type").Error($"Resource type '{resource.Type}' is not supported by the local cloud.");
        }
    }

    /// <summary>The finished model.</summary>
    public StackModel Build(IReadOnlyDictionary<string, string> outputs)
    {
        foreach (var (poolId, client) in _clients)
        {
            RequirePool(poolId, new PropertyPath(client.LogicalId, "UserPoolId"));
        }

        foreach (var (poolId, _, at) in _groups)
        {
            RequirePool(poolId, at);
        }

        var userPools = _userPools.Select(pool => pool with
        {
            Clients = _clients.Where(c => c.PoolId == pool.Id).Select(c => c.Client).ToArray(),
            Groups = _groups.Where(g => g.PoolId == pool.Id).Select(g => g.Group).ToArray(),
        }).ToArray();

        var identityPools = _identityPools.ToList();
        foreach (var attachment in _attachments)
        {
            var attached = RoleAttachmentReader.Apply(attachment, identityPools);
            identityPools[identityPools.FindIndex(p => p.Id == attached.Id)] = attached;
        }

        return new StackModel(context.Region, context.AccountId, outputs, userPools, identityPools, _roles.ToArray(),
            _buckets.ToArray(), _functions.ToArray());
    }

    private void RequirePool(string poolId, PropertyPath at)
    {
        if (!_userPools.Any(p => p.Id == poolId))
        {
            throw at.Error($"'{poolId}' is not a user pool of this template.");
        }
    }
}
