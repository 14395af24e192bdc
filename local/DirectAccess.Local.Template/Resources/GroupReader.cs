using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary><c>AWS::Cognito::UserPoolGroup</c>: name, precedence (0 is highest), role ARN.</summary>
internal static class GroupReader
{
    /// <summary>Reads the group; <paramref name="userPoolId"/> receives the pool it belongs to.</summary>
    public static GroupModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context, out string userPoolId)
    {
        userPoolId = properties.RequiredString("UserPoolId");
        var group = new GroupModel(
            context.Attributes.GroupName(resource, context.References),
            properties.Int("Precedence", 0, int.MaxValue),
            properties.String("RoleArn"),
            properties.String("Description"));
        properties.Ignore("GroupName");
        properties.EnsureAllUnderstood();
        return group;
    }
}
