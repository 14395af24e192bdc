using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using DirectAccess.Cli.Infrastructure;
using DirectAccess.Client.Config;
using DirectAccess.Client.UserPool;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;
using Spectre.Console;

namespace DirectAccess.Cli.Commands;

/// <summary><c>local start</c> (the local cloud in the foreground) and <c>local users add|list|remove</c> (admin API, SigV4-signed with the admin key).</summary>
public static class LocalCommand
{
    private const string DefaultDataDir = ".directaccess-local";

    /// <summary>The <c>local</c> group.</summary>
    public static Command Build()
    {
        var local = new Command("local", "Run the embedded local cloud and manage its users.");
        local.Subcommands.Add(BuildStart());
        var users = new Command("users", "Users of the local cloud's user pool.");
        users.Subcommands.Add(BuildUsersAdd());
        users.Subcommands.Add(BuildUsersList());
        users.Subcommands.Add(BuildUsersRemove());
        local.Subcommands.Add(users);
        return local;
    }

    private static Command BuildStart()
    {
        var command = new Command("start", "Run the local cloud in the foreground (Ctrl+C stops it); prints the endpoint and the admin credentials.");
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 4566 };
        var dataDir = new Option<string>("--data-dir") { Description = "Durable state and directaccess.json.", DefaultValueFactory = _ => DefaultDataDir };
        var template = new Option<string?>("--template") { Description = "SAM template (default: ./template.yaml or the repository's)." };
        var region = new Option<string>("--region") { Description = "Region of local ids and ARNs.", DefaultValueFactory = _ => "us-east-1" };
        var credentialLifetime = new Option<int?>("--credential-lifetime") { Description = "Seconds identity-pool credentials last (default 3600)." };
        var audit = new Option<string?>("--audit-log") { Description = "Append one JSON line per IAM decision to this file." };
        foreach (var option in new Option[] { port, dataDir, template, region, credentialLifetime, audit })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) =>
        {
            var args = new List<string>
            {
                "--port", parse.GetValue(port).ToString(CultureInfo.InvariantCulture),
                "--data-dir", Path.GetFullPath(parse.GetValue(dataDir)!),
                "--template", TemplateLocator.Find(parse.GetValue(template)),
                "--region", parse.GetValue(region)!,
            };
            if (parse.GetValue(credentialLifetime) is { } seconds)
            {
                args.AddRange(["--credential-lifetime", seconds.ToString(CultureInfo.InvariantCulture)]);
            }

            if (parse.GetValue(audit) is { } auditPath)
            {
                args.AddRange(["--audit-log", Path.GetFullPath(auditPath)]);
            }

            return LocalCloudCommandLine.RunAsync([.. args]);
        });
        return command;
    }

    private sealed record AdminOptions(Option<string?> Config, Option<string> DataDir, Option<string> AccessKey, Option<string> SecretKey, Option<bool> Json)
    {
        public static AdminOptions On(Command command)
        {
            var options = new AdminOptions(
                new Option<string?>("--config") { Description = "The local cloud's directaccess.json (default: <data-dir>/directaccess.json)." },
                new Option<string>("--data-dir") { Description = "The local cloud's data directory.", DefaultValueFactory = _ => DefaultDataDir },
                new Option<string>("--admin-access-key-id") { Description = "Admin access key id.", DefaultValueFactory = _ => LocalCloudOptions.DefaultAdminAccessKeyId },
                new Option<string>("--admin-secret-access-key") { Description = "Admin secret access key.", DefaultValueFactory = _ => LocalCloudOptions.DefaultAdminSecretAccessKey },
                new Option<bool>("--json") { Description = "Print JSON." });
            foreach (var option in new Option[] { options.Config, options.DataDir, options.AccessKey, options.SecretKey, options.Json })
            {
                command.Options.Add(option);
            }

            return options;
        }

        public (DirectAccessConfig Config, CognitoUserPoolAdminClient Admin) Open(ParseResult parse)
        {
            var path = parse.GetValue(Config) ?? Path.Combine(parse.GetValue(DataDir)!, "directaccess.json");
            var config = ConfigResolver.Resolve(path);
            return (config, new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(parse.GetValue(AccessKey), parse.GetValue(SecretKey))));
        }
    }

    private static Command BuildUsersAdd()
    {
        var command = new Command("add", "Create a confirmed user with a permanent password, in the given groups.");
        var username = new Argument<string>("username") { Description = "User name." };
        var password = new Option<string>("--password", "-p") { Description = "Password (the template's policy applies).", Required = true };
        var groups = new Option<string[]>("--group", "-g") { Description = "Group to join (repeat for several): admins, uploaders, viewers.", Arity = ArgumentArity.ZeroOrMore };
        var email = new Option<string?>("--email") { Description = "Email attribute." };
        command.Arguments.Add(username);
        command.Options.Add(password);
        command.Options.Add(groups);
        command.Options.Add(email);
        var admin = AdminOptions.On(command);
        CliAction.Set(command, admin.Json, async (parse, output, ct) =>
        {
            var (config, client) = admin.Open(parse);
            using (client)
            {
                var name = parse.GetValue(username)!;
                var joined = parse.GetValue(groups) ?? [];
                await client.CreateConfirmedUserAsync(config.UserPoolId, name, parse.GetValue(password)!, joined, parse.GetValue(email), ct);
                if (output.IsJson)
                {
                    output.WriteJson(new JsonObject { ["username"] = name, ["groups"] = new JsonArray(joined.Select(g => (JsonNode?)g).ToArray()) });
                }
                else
                {
                    output.Line($"[green]added[/] {Markup.Escape(name)} ({Markup.Escape(string.Join(", ", joined))})");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildUsersList()
    {
        var command = new Command("list", "List users with their status and groups.");
        var admin = AdminOptions.On(command);
        CliAction.Set(command, admin.Json, async (parse, output, ct) =>
        {
            var (config, client) = admin.Open(parse);
            using (client)
            {
                var users = await client.ListUsersWithGroupsAsync(config.UserPoolId, ct);
                if (output.IsJson)
                {
                    output.WriteJson(new JsonArray(users.Select(u => (JsonNode?)new JsonObject
                    {
                        ["username"] = u.Username, ["status"] = u.Status, ["enabled"] = u.Enabled,
                        ["groups"] = new JsonArray(u.Groups.Select(g => (JsonNode?)g).ToArray()),
                    }).ToArray()));
                }
                else
                {
                    var table = new Table().Border(TableBorder.Rounded).AddColumns("user", "status", "enabled", "groups");
                    foreach (var u in users)
                    {
                        table.AddRow(Markup.Escape(u.Username), Markup.Escape(u.Status ?? "-"), u.Enabled ? "yes" : "no", Markup.Escape(string.Join(", ", u.Groups)));
                    }

                    output.Console.Write(table);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildUsersRemove()
    {
        var command = new Command("remove", "Delete a user (AdminDeleteUser).");
        var username = new Argument<string>("username") { Description = "User name." };
        command.Arguments.Add(username);
        var admin = AdminOptions.On(command);
        CliAction.Set(command, admin.Json, async (parse, output, ct) =>
        {
            var (config, client) = admin.Open(parse);
            using (client)
            {
                var name = parse.GetValue(username)!;
                await client.AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = config.UserPoolId, Username = name }, ct);
                if (output.IsJson)
                {
                    output.WriteJson(new JsonObject { ["removed"] = name });
                }
                else
                {
                    output.Line($"[green]removed[/] {Markup.Escape(name)}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
