using DirectAccess.Local.Hosting;
using DirectAccess.Local.Identity.Credentials;
using DirectAccess.Local.Identity.Identities;
using DirectAccess.Local.Identity.Operations;
using DirectAccess.Local.Identity.Sts;
using DirectAccess.Local.Identity.Tokens;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Local.Template.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectAccess.Local.Identity;

/// <summary>Registers the identity pool (AWSCognitoIdentityService), STS and the credential store.</summary>
public static class IdentityServices
{
    /// <summary>
    /// Adds this area's services and its <c>IAwsServiceHandler</c>s (registration order is routing order): the
    /// durable <see cref="ICredentialStore"/>, the identity pool handler (<c>X-Amz-Target:
    /// AWSCognitoIdentityService.*</c>), the STS Query handler, and the start-up task that writes
    /// <c>&lt;data-dir&gt;/directaccess.json</c>. Expects <see cref="LocalCloudOptions"/>, <see cref="StackModel"/>,
    /// <c>StateDatabase</c> and <c>IUserPoolKeys</c> registered; <c>IRequestAuthenticator</c> is resolved per request.
    /// The OpenID signing key is loaded or created here, so a broken key file stops start-up.
    /// </summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICredentialStore, SqliteCredentialStore>();
        services.AddSingleton(new OpenIdTokenKey(options));
        services.AddSingleton<OpenIdTokens>();
        services.AddSingleton<UserPoolTokenValidator>();
        services.AddSingleton<IdentityRepository>();
        services.AddSingleton<PoolLogins>();
        services.AddSingleton<IdentityPoolDirectory>();
        services.AddSingleton<IdentityLogin>();
        services.AddSingleton<AdministratorGate>();

        services.AddSingleton<IIdentityPoolOperation, GetIdOperation>();
        services.AddSingleton<IIdentityPoolOperation, GetCredentialsForIdentityOperation>();
        services.AddSingleton<IIdentityPoolOperation, GetOpenIdTokenOperation>();
        services.AddSingleton<IIdentityPoolOperation, DescribeIdentityPoolOperation>();
        services.AddSingleton<IIdentityPoolOperation, GetIdentityPoolRolesOperation>();
        services.AddSingleton<IIdentityPoolOperation, ListIdentitiesOperation>();
        services.AddSingleton<IAwsServiceHandler, CognitoIdentityHandler>();

        services.AddSingleton<IStsAction, AssumeRoleWithWebIdentityAction>();
        services.AddSingleton<IStsAction, GetCallerIdentityAction>();
        services.AddSingleton<IAwsServiceHandler, StsHandler>();

        services.AddSingleton<IStartupTask, StackConfigFileWriter>();
    }
}
