using System.CommandLine;
using System.Text.Json.Nodes;
using DirectAccess.Cli.Infrastructure;
using DirectAccess.Client;
using DirectAccess.Client.UserPool;
using Spectre.Console;

namespace DirectAccess.Cli.Commands;

/// <summary><c>login</c>, <c>logout</c> and <c>whoami</c>: sign in by SRP, keep the refresh token privately, show the identity.</summary>
public static class AuthCommands
{
    /// <summary>The three commands.</summary>
    public static IEnumerable<Command> Build() => [BuildLogin(), BuildLogout(), BuildWhoAmI()];

    private static Command BuildLogin()
    {
        var (command, common) = CommonOptions.On(new Command("login", "Sign in to the user pool (SRP: the password never leaves this machine) and keep the refresh token."));
        var username = new Option<string>("--username", "-u") { Description = "User name.", Required = true };
        var password = new Option<string?>("--password", "-p") { Description = "Password (default: $DIRECTACCESS_PASSWORD, else prompted)." };
        var passwordAuth = new Option<bool>("--password-auth") { Description = "Use USER_PASSWORD_AUTH instead of SRP (sends the password over TLS)." };
        command.Options.Add(username);
        command.Options.Add(password);
        command.Options.Add(passwordAuth);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            var config = ConfigResolver.Resolve(parse.GetValue(common.Config));
            var user = parse.GetValue(username)!;
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("DIRECTACCESS_PASSWORD")
                ?? (output.Console.Profile.Capabilities.Interactive && !output.IsJson
                    ? output.Console.Prompt(new TextPrompt<string>($"password for {user}:").Secret())
                    : throw new InvalidDataException("--password or $DIRECTACCESS_PASSWORD is required when not on a terminal"));
            var options = new SignInOptions { Flow = parse.GetValue(passwordAuth) ? SignInFlow.Password : SignInFlow.Srp };
            await using var session = await DirectAccessSession.SignInAsync(config, user, secret, options, ct);
            var identity = await session.GetIdentityAsync(ct);
            new StoredLogin(user, session.RefreshToken ?? throw new InvalidDataException("the user pool returned no refresh token"),
                config.UserPoolId, config.UserPoolClientId, DateTimeOffset.UtcNow).Save(config);
            if (output.IsJson)
            {
                output.WriteJson(IdentityJson(identity));
            }
            else
            {
                output.Line($"[green]signed in[/] as [bold]{Markup.Escape(user)}[/] ({Markup.Escape(identity.IdentityId ?? "-")})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildLogout()
    {
        var (command, common) = CommonOptions.On(new Command("logout", "Sign out everywhere (GlobalSignOut revokes the refresh tokens) and forget the stored login."));
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            var config = ConfigResolver.Resolve(parse.GetValue(common.Config));
            var login = StoredLogin.Load(config);
            var revoked = false;
            if (login is not null)
            {
                try
                {
                    await using var session = await DirectAccessSession.ResumeAsync(config, login.RefreshToken, login.Username,
                        new SignInOptions { FetchCredentialsOnSignIn = false }, ct);
                    await session.SignOutAsync(ct);
                    revoked = true;
                }
                catch (Client.Errors.NotAuthorizedException)
                {
                    // Already revoked or expired: forgetting it locally is all that is left to do.
                }
            }

            var forgotten = StoredLogin.Delete(config);
            if (output.IsJson)
            {
                output.WriteJson(new JsonObject { ["signedOut"] = forgotten, ["revoked"] = revoked });
            }
            else
            {
                output.Line(forgotten ? "[green]signed out[/]" : "not signed in");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildWhoAmI()
    {
        var (command, common) = CommonOptions.On(new Command("whoami", "Show the signed-in identity: identity id, groups, role, credential expiry."));
        var role = new Option<string?>("--role") { Description = "Pick this role (ARN or name) among the token's cognito:roles (sent as CustomRoleArn)." };
        command.Options.Add(role);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            var config = ConfigResolver.Resolve(parse.GetValue(common.Config));
            await using var session = await SessionOpener.OpenAsync(config, parse.GetValue(role), ct);
            var identity = await session.GetIdentityAsync(ct);
            if (output.IsJson)
            {
                output.WriteJson(IdentityJson(identity));
            }
            else
            {
                output.Fields(
                    ("username", identity.Username),
                    ("identity id", identity.IdentityId),
                    ("identity pool", identity.IdentityPoolId),
                    ("groups", string.Join(", ", identity.Groups)),
                    ("role", identity.RoleArn),
                    ("roles offered", string.Join(", ", identity.Roles)),
                    ("credentials expire (UTC)", identity.CredentialsExpirationUtc?.ToString("u")));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The identity as printed by <c>--json</c>.</summary>
    public static JsonObject IdentityJson(DirectAccessIdentity identity) => new()
    {
        ["username"] = identity.Username,
        ["sub"] = identity.Sub,
        ["identityId"] = identity.IdentityId,
        ["identityPoolId"] = identity.IdentityPoolId,
        ["groups"] = new JsonArray(identity.Groups.Select(g => (JsonNode?)g).ToArray()),
        ["roleArn"] = identity.RoleArn,
        ["roles"] = new JsonArray(identity.Roles.Select(r => (JsonNode?)r).ToArray()),
        ["credentialsExpiration"] = identity.CredentialsExpirationUtc?.ToString("O"),
    };
}
