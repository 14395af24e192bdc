using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::Cognito::UserPool</c> (CloudFormation resource reference). Clients and groups are attached by the loader.
/// Cognito's defaults apply to an absent password policy: 8 characters, all four character classes required.
/// </summary>
internal static class UserPoolReader
{
    public static UserPoolModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context)
    {
        var name = properties.String("UserPoolName") ?? resource.LogicalId;
        var policy = ReadPasswordPolicy(properties.Object("Policies"));
        var usernameAttributes = properties.Strings("UsernameAttributes");
        var autoVerified = properties.Strings("AutoVerifiedAttributes");

        var mfa = properties.String("MfaConfiguration") ?? "OFF";
        if (mfa != "OFF")
        {
            throw properties.Path.Child("MfaConfiguration").Error($"MFA '{mfa}' is not implemented locally; use OFF.");
        }

        var adminCreate = properties.Object("AdminCreateUserConfig");
        if (adminCreate is not null)
        {
            if (adminCreate.Bool("AllowAdminCreateUserOnly", false))
            {
                throw adminCreate.Path.Child("AllowAdminCreateUserOnly").Error("Refusing SignUp is not implemented locally.");
            }

            adminCreate.Ignore("InviteMessageTemplate", "UnusedAccountValidityDays");
            adminCreate.EnsureAllUnderstood();
        }

        // The local user pool matches usernames case-insensitively (the console default); a case-sensitive pool would
        // behave differently, so it is refused rather than emulated wrongly.
        var usernameConfiguration = properties.Object("UsernameConfiguration");
        if (usernameConfiguration is not null)
        {
            if (usernameConfiguration.Bool("CaseSensitive", true))
            {
                throw usernameConfiguration.Path.Child("CaseSensitive").Error("Case-sensitive usernames are not implemented locally; use false.");
            }

            usernameConfiguration.EnsureAllUnderstood();
        }

        properties.Refuse("LambdaConfig", "User pool Lambda triggers are not implemented locally.");
        properties.Refuse("AliasAttributes", "Alias attributes are not implemented locally.");
        properties.Ignore("UserPoolTags", "EmailConfiguration", "EmailVerificationMessage", "EmailVerificationSubject",
            "SmsConfiguration", "SmsAuthenticationMessage", "SmsVerificationMessage", "VerificationMessageTemplate",
            "AccountRecoverySetting", "DeletionProtection", "Schema", "DeviceConfiguration", "UserAttributeUpdateSettings",
            "UserPoolAddOns", "EnabledMfas", "UserPoolTier");
        properties.EnsureAllUnderstood();

        return new UserPoolModel(resource.LogicalId, context.Ids.UserPoolId(resource.LogicalId), name,
            context.Attributes.UserPoolArn(resource.LogicalId), policy, usernameAttributes, autoVerified, [], []);
    }

    private static PasswordPolicyModel ReadPasswordPolicy(PropertyReader? policies)
    {
        var password = policies?.Object("PasswordPolicy");
        if (policies is not null)
        {
            policies.Ignore("SignInPolicy");
            policies.EnsureAllUnderstood();
        }

        if (password is null)
        {
            return new PasswordPolicyModel(8, true, true, true, true);
        }

        var model = new PasswordPolicyModel(
            password.Int("MinimumLength", 6, 99) ?? 8,
            password.Bool("RequireLowercase", false),
            password.Bool("RequireUppercase", false),
            password.Bool("RequireNumbers", false),
            password.Bool("RequireSymbols", false));
        // Temporary-password expiry and password history only matter for flows the local pool does not time out.
        password.Ignore("TemporaryPasswordValidityDays", "PasswordHistorySize");
        password.EnsureAllUnderstood();
        return model;
    }
}
