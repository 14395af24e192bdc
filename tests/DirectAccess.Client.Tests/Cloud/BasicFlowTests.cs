using DirectAccess.Client.Config;
using DirectAccess.Client.Credentials;
using DirectAccess.Client.Errors;
using DirectAccess.Client.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Cloud;

/// <summary>
/// The basic (classic) flow against a small template of our own: an identity pool with <c>AllowClassicFlow</c> and no
/// role mappings, one role whose trust policy pins the pool. And the repository's pool (mappings, classic off) refusing it.
/// </summary>
[NonParallelizable]
public sealed class BasicFlowTests
{
    private const string Template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Users:
            Type: AWS::Cognito::UserPool
          App:
            Type: AWS::Cognito::UserPoolClient
            Properties:
              UserPoolId: !Ref Users
              ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
          Bucket:
            Type: AWS::S3::Bucket
          Classic:
            Type: AWS::Cognito::IdentityPool
            Properties:
              AllowUnauthenticatedIdentities: false
              AllowClassicFlow: true
              CognitoIdentityProviders:
                - ClientId: !Ref App
                  ProviderName: !GetAtt Users.ProviderName
          ClassicRoles:
            Type: AWS::Cognito::IdentityPoolRoleAttachment
            Properties:
              IdentityPoolId: !Ref Classic
              Roles:
                authenticated: !GetAtt ReaderRole.Arn
          ReaderRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { Federated: cognito-identity.amazonaws.com }
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals:
                        "cognito-identity.amazonaws.com:aud": !Ref Classic
                      "ForAnyValue:StringLike":
                        "cognito-identity.amazonaws.com:amr": authenticated
              Policies:
                - PolicyName: own-prefix
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: [s3:PutObject, s3:GetObject]
                        Resource: !Sub "arn:aws:s3:::${Bucket}/private/${!cognito-identity.amazonaws.com:sub}/*"
        Outputs:
          Region:
            Value: !Ref AWS::Region
          UserPoolId:
            Value: !Ref Users
          UserPoolClientId:
            Value: !Ref App
          IdentityPoolId:
            Value: !Ref Classic
          UploadBucketName:
            Value: !Ref Bucket
          ReaderRoleArn:
            Value: !GetAtt ReaderRole.Arn
        """;

    [Test]
    public async Task BasicFlowAssumesTheNamedRoleThroughSts()
    {
        using var templateDir = new TempDirectory();
        var templatePath = Path.Combine(templateDir.Path, "template.yaml");
        await File.WriteAllTextAsync(templatePath, Template);
        await using var cloud = await TestCloud.StartAsync(o => o with { TemplatePath = templatePath });
        var config = DirectAccessConfig.Load(Path.Combine(cloud.DataDir, "directaccess.json"));
        using var admin = new UserPool.Admin.CognitoUserPoolAdminClient(config, new Amazon.Runtime.BasicAWSCredentials(Local.LocalCloudOptions.DefaultAdminAccessKeyId, Local.LocalCloudOptions.DefaultAdminSecretAccessKey));
        await admin.CreateConfirmedUserAsync(config.UserPoolId, "basil", CloudUsers.Password, []);
        using var home = new TempDirectory();
        var options = new SignInOptions
        {
            DataDirectory = home.Path,
            Credentials = new IdentityPoolCredentialsOptions { Flow = CredentialFlow.Basic, CustomRoleArn = config.Outputs["ReaderRoleArn"], BasicFlowDurationSeconds = 900, DataDirectory = home.Path },
        };

        await using var session = await DirectAccessSession.SignInAsync(config, "basil", CloudUsers.Password, options);
        Assert.Multiple(() =>
        {
            Assert.That(session.Credentials.Flow, Is.EqualTo(CredentialFlow.Basic));
            Assert.That(session.Identity.RoleArn, Is.EqualTo(config.Outputs["ReaderRoleArn"]));
            Assert.That(session.Identity.CredentialsExpirationUtc!.Value - DateTime.UtcNow, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(901)));
        });

        var result = await session.Files.UploadAsync(new MemoryStream("classic"u8.ToArray()), "hello.txt");
        Assert.That(result.Key, Does.StartWith($"private/{session.Identity.IdentityId}/"));
    }

    [Test]
    public async Task RepositoryPoolRefusesTheBasicFlow()
    {
        await using var cloud = await CloudUsers.StartAsync();
        var user = await cloud.CreateUserAsync("otto", "uploaders");
        var options = new SignInOptions { Credentials = new IdentityPoolCredentialsOptions { Flow = CredentialFlow.Basic } };
        var e = Assert.ThrowsAsync<InvalidParameterException>(() => cloud.SignInAsync(user, options));
        Assert.That(e!.Message, Does.Contain("classic").IgnoreCase);
    }
}
