using DirectAccess.Testing;

namespace DirectAccess.Local.Identity.Tests.Support;

/// <summary>
/// A second, small template for the cases the repository template does not have: a Token mapping with
/// <c>AmbiguousRoleResolution: AuthenticatedRole</c> (LenientPool), a Rules mapping (RulesPool), a classic-flow pool
/// without mappings (ClassicPool), and a pool without mappings or classic flow whose role's trust policy does not pin the audience (LoosePool).
/// Groups <c>staff</c> and <c>auditors</c> tie at precedence 1 with different roles.
/// </summary>
public static class VariantTemplate
{
    private static string Trust(string condition) => $"""
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {"{"} Federated: cognito-identity.amazonaws.com {"}"}
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
        {condition}
        """;

    private const string PinnedAudience = """
                      StringEquals:
                        "cognito-identity.amazonaws.com:aud": [!Ref LenientPool, !Ref RulesPool, !Ref ClassicPool]
                      "ForAnyValue:StringLike":
                        "cognito-identity.amazonaws.com:amr": authenticated
        """;

    private const string AnyAudience = """
                      "ForAnyValue:StringLike":
                        "cognito-identity.amazonaws.com:amr": authenticated
        """;

    private static string Pool(string name, bool classic) => $"""
          {name}:
            Type: AWS::Cognito::IdentityPool
            Properties:
              AllowUnauthenticatedIdentities: false
              AllowClassicFlow: {(classic ? "true" : "false")}
              CognitoIdentityProviders:
                - ClientId: !Ref App
                  ProviderName: !GetAtt Users.ProviderName
        """;

    private static string Role(string name, string condition, int maxSession = 3600) => $"""
          {name}:
            Type: AWS::IAM::Role
            Properties:
              MaxSessionDuration: {maxSession}
        {Trust(condition)}
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: "arn:aws:s3:::example/*"
        """;

    public static string Yaml => $"""
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Users:
            Type: AWS::Cognito::UserPool
          App:
            Type: AWS::Cognito::UserPoolClient
            Properties:
              UserPoolId: !Ref Users
          Staff:
            Type: AWS::Cognito::UserPoolGroup
            Properties: {"{"} UserPoolId: !Ref Users, GroupName: staff, Precedence: 1, RoleArn: !GetAtt StaffRole.Arn {"}"}
          Auditors:
            Type: AWS::Cognito::UserPoolGroup
            Properties: {"{"} UserPoolId: !Ref Users, GroupName: auditors, Precedence: 1, RoleArn: !GetAtt AuditRole.Arn {"}"}
        {Pool("LenientPool", classic: false)}
          LenientRoles:
            Type: AWS::Cognito::IdentityPoolRoleAttachment
            Properties:
              IdentityPoolId: !Ref LenientPool
              Roles: {"{"} authenticated: !GetAtt DefaultRole.Arn {"}"}
              RoleMappings:
                Users:
                  IdentityProvider: !Sub "${"{"}Users.ProviderName{"}"}:${"{"}App{"}"}"
                  Type: Token
                  AmbiguousRoleResolution: AuthenticatedRole
        {Pool("RulesPool", classic: false)}
          RulesRoles:
            Type: AWS::Cognito::IdentityPoolRoleAttachment
            Properties:
              IdentityPoolId: !Ref RulesPool
              Roles: {"{"} authenticated: !GetAtt DefaultRole.Arn {"}"}
              RoleMappings:
                Users:
                  IdentityProvider: !Sub "${"{"}Users.ProviderName{"}"}:${"{"}App{"}"}"
                  Type: Rules
                  AmbiguousRoleResolution: Deny
                  RulesConfiguration:
                    Rules:
                      - {"{"} Claim: "custom:clearance", MatchType: NotEqual, Value: none, RoleARN: !GetAtt AuditRole.Arn {"}"}
                      - {"{"} Claim: email, MatchType: Contains, Value: "@staff.", RoleARN: !GetAtt StaffRole.Arn {"}"}
                      - {"{"} Claim: "custom:dept", MatchType: Equals, Value: ops, RoleARN: !GetAtt DefaultRole.Arn {"}"}
                      - {"{"} Claim: "cognito:username", MatchType: StartsWith, Value: "svc-", RoleARN: !GetAtt StaffRole.Arn {"}"}
        {Pool("ClassicPool", classic: true)}
          ClassicRoles:
            Type: AWS::Cognito::IdentityPoolRoleAttachment
            Properties:
              IdentityPoolId: !Ref ClassicPool
              Roles: {"{"} authenticated: !GetAtt DefaultRole.Arn {"}"}
        {Pool("LoosePool", classic: false)}
          LooseRoles:
            Type: AWS::Cognito::IdentityPoolRoleAttachment
            Properties:
              IdentityPoolId: !Ref LoosePool
              Roles: {"{"} authenticated: !GetAtt LooseRole.Arn {"}"}
        {Role("DefaultRole", PinnedAudience)}
        {Role("StaffRole", PinnedAudience, maxSession: 7200)}
        {Role("AuditRole", PinnedAudience)}
        {Role("LooseRole", AnyAudience)}
        """;

    /// <summary>Writes the template into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteTo(TempDirectory directory)
    {
        var path = Path.Combine(directory.Path, "variant-template.yaml");
        File.WriteAllText(path, Yaml);
        return path;
    }
}
