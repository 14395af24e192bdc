using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Local.UserPools.Operations.Admin;
using DirectAccess.Local.UserPools.Operations.Auth;
using DirectAccess.Local.UserPools.Operations.Self;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Sessions;
using DirectAccess.Local.UserPools.Tokens;
using DirectAccess.Local.UserPools.Users;
using DirectAccess.Local.UserPools.WellKnown;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectAccess.Local.UserPools;

/// <summary>Registers the user pools (AWSCognitoIdentityProviderService), JWKS and OpenID configuration, and IUserPoolKeys.</summary>
public static class UserPoolServices
{
    /// <summary>
    /// Adds this area's services and its <c>IAwsServiceHandler</c>s (registration order is routing order): the JSON 1.1
    /// handler for <c>X-Amz-Target: AWSCognitoIdentityProviderService.*</c> and the <c>/.well-known/</c> handler.
    /// Expects <see cref="LocalCloudOptions"/>, <see cref="StackModel"/> and <c>StateDatabase</c> registered by the host.
    /// Signing keys are loaded or created here, at composition time, so a broken key file stops start-up.
    /// </summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        services.TryAddSingleton(TimeProvider.System);
        var keys = new SigningKeyStore(options, stack);
        services.AddSingleton(keys);
        services.AddSingleton<IUserPoolKeys>(keys);
        services.AddSingleton(new UserPoolDirectory(stack));
        services.AddSingleton<UserStore>();
        services.AddSingleton<RefreshTokenStore>();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<ExpiringSessionStore<SrpSession>>();
        services.AddSingleton<ExpiringSessionStore<ChallengeSession>>();
        services.AddSingleton<SignInCompletion>();
        services.AddSingleton<SrpAuthFlow>();
        services.AddSingleton<PasswordAuthFlow>();
        services.AddSingleton<RefreshTokenAuthFlow>();
        services.AddSingleton<PasswordVerifierChallenge>();
        services.AddSingleton<NewPasswordChallenge>();
        services.AddSingleton<AdminTarget>();
        services.AddSingleton<AdministratorCheck>();

        AddOperation<InitiateAuthOperation>(services);
        AddOperation<RespondToAuthChallengeOperation>(services);
        AddOperation<SignUpOperation>(services);
        AddOperation<ConfirmSignUpOperation>(services);
        AddOperation<GetUserOperation>(services);
        AddOperation<GlobalSignOutOperation>(services);
        AddOperation<AdminCreateUserOperation>(services);
        AddOperation<AdminSetUserPasswordOperation>(services);
        AddOperation<AdminAddUserToGroupOperation>(services);
        AddOperation<AdminRemoveUserFromGroupOperation>(services);
        AddOperation<AdminDeleteUserOperation>(services);
        AddOperation<AdminGetUserOperation>(services);
        AddOperation<ListUsersOperation>(services);
        AddOperation<ListGroupsOperation>(services);
        AddOperation<AdminListGroupsForUserOperation>(services);

        services.AddSingleton<CognitoJsonHandler>();
        services.AddSingleton<IAwsServiceHandler>(provider => provider.GetRequiredService<CognitoJsonHandler>());
        services.AddSingleton<WellKnownHandler>();
        services.AddSingleton<IAwsServiceHandler>(provider => provider.GetRequiredService<WellKnownHandler>());
    }

    private static void AddOperation<T>(IServiceCollection services) where T : class, ICognitoOperation =>
        services.AddSingleton<ICognitoOperation, T>();
}
