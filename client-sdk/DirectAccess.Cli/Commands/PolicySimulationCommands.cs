using System.CommandLine;
using System.Text.Json.Nodes;
using DirectAccess.Cli.Infrastructure;
using DirectAccess.Policies;
using DirectAccess.Policies.Json;
using DirectAccess.Policies.Templates;
using Spectre.Console;

namespace DirectAccess.Cli.Commands;

/// <summary>
/// <c>policy simulate</c> ("can group G do A on R?") and <c>policy matrix</c> (every row of
/// <c>policies/access-matrix.json</c>), offline with the engine the local cloud enforces with.
/// </summary>
public static class PolicySimulationCommands
{
    /// <summary><c>policy simulate --group G --action A --resource R [--identity ID] [--context k=v ...]</c>.</summary>
    public static Command BuildSimulate()
    {
        var command = new Command("simulate", "Decide one request for a group's role as a signed-in member would make it (Cognito identity keys included).");
        var json = new Option<bool>("--json") { Description = "Print the decision as one JSON object." };
        var group = new Option<string>("--group", "--role") { Description = "Group (role) name: admins, uploaders, viewers, or default (no group).", Required = true };
        var action = new Option<string>("--action") { Description = "IAM action, e.g. s3:PutObject.", Required = true };
        var resource = new Option<string>("--resource") { Description = "Resource ARN; ${UploadBucket}-style placeholders are filled.", Required = true };
        var identity = new Option<string>("--identity") { Description = "The caller's identity id (cognito-identity.amazonaws.com:sub).", DefaultValueFactory = _ => "us-east-1:00000000-0000-4000-8000-00000000c0de" };
        var context = new Option<string[]>("--context") { Description = "Extra request key KEY=VALUE (repeat; the same key twice makes it multi-valued).", Arity = ArgumentArity.ZeroOrMore };
        var matrix = MatrixOption();
        foreach (var option in new Option[] { json, group, action, resource, identity, context, matrix })
        {
            command.Options.Add(option);
        }

        CliAction.Set(command, json, (parse, output, _) =>
        {
            var accessMatrix = AccessMatrix.Load(MatrixPath(parse.GetValue(matrix)));
            var role = parse.GetValue(group)!;
            if (!accessMatrix.Roles.ContainsKey(role))
            {
                throw new InvalidDataException($"unknown group '{role}'; known: {string.Join(", ", accessMatrix.Roles.Keys)}");
            }

            var policy = accessMatrix.LoadRolePolicy(role);
            var identityId = parse.GetValue(identity)!;
            var parameters = new Dictionary<string, string>(accessMatrix.Parameters) { ["identity"] = identityId };
            var request = new RequestContext(parse.GetValue(action)!, PolicyTemplate.Substitute(parse.GetValue(resource)!, parameters));
            foreach (var (key, values) in AccessMatrix.CallerContext("cli", identityId, accessMatrix.Parameters, DateTimeOffset.UtcNow))
            {
                request.WithValues(key, values);
            }

            foreach (var group in (parse.GetValue(context) ?? []).Select(ParseKeyValue).GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
            {
                request.WithValues(group.Key, group.Select(kv => PolicyTemplate.Substitute(kv.Value, parameters)).ToArray());
            }

            var decision = PolicySet.Compile([policy]).Evaluate(request);
            if (output.IsJson)
            {
                output.WriteJson(JsonNode.Parse(DecisionJson.ToJson(decision)));
            }
            else
            {
                var color = decision.IsAllowed ? "green" : "red";
                output.Line($"[{color}]{decision.Kind}[/] {Markup.Escape(request.Action)} on {Markup.Escape(request.Resource)}" +
                    (decision.DecidingStatement is { } s ? $" — {Markup.Escape(s.ToString())}" : ""));
                foreach (var miss in decision.Misses)
                {
                    output.Line($"  [grey]{Markup.Escape(miss.Statement.ToString())}: {Markup.Escape(miss.Reason)}[/]");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary><c>policy matrix</c>: roles × requests with the decision reached; exit 1 when any row differs from its expectation.</summary>
    public static Command BuildMatrix()
    {
        var command = new Command("matrix", "Evaluate every row of policies/access-matrix.json: expected vs actual decision and the deciding statement.");
        var json = new Option<bool>("--json") { Description = "Print the rows as JSON." };
        var matrix = MatrixOption();
        command.Options.Add(json);
        command.Options.Add(matrix);
        CliAction.Set(command, json, (parse, output, _) =>
        {
            var accessMatrix = AccessMatrix.Load(MatrixPath(parse.GetValue(matrix)));
            var sets = accessMatrix.Roles.Keys.ToDictionary(r => r, r => PolicySet.Compile([accessMatrix.LoadRolePolicy(r)]));
            var results = accessMatrix.Resolve().Select(c => (Case: c, Decision: sets[c.Row.Role].Evaluate(c.ToRequest()))).ToList();
            var mismatches = results.Count(r => r.Decision.Kind != r.Case.Row.Expected);
            if (output.IsJson)
            {
                output.WriteJson(new JsonObject
                {
                    ["rows"] = new JsonArray(results.Select(r => (JsonNode?)new JsonObject
                    {
                        ["id"] = r.Case.Row.Id, ["role"] = r.Case.Row.Role, ["caller"] = r.Case.Row.Caller, ["action"] = r.Case.Row.Action,
                        ["resource"] = r.Case.Resource, ["expected"] = r.Case.Row.Expected.ToString(), ["actual"] = r.Decision.Kind.ToString(),
                        ["statement"] = r.Decision.DecidingStatement?.ToString(),
                    }).ToArray()),
                    ["mismatches"] = mismatches,
                });
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("row", "role", "caller", "action", "resource", "expected", "actual", "deciding statement");
                foreach (var (c, d) in results)
                {
                    var color = d.Kind == c.Row.Expected ? (d.IsAllowed ? "green" : "yellow") : "red";
                    table.AddRow(c.Row.Id, c.Row.Role, c.Row.Caller, Markup.Escape(c.Row.Action), Markup.Escape(Shorten(c.Resource)),
                        c.Row.Expected.ToString(), $"[{color}]{d.Kind}[/]", Markup.Escape(d.DecidingStatement?.ToString() ?? "-"));
                }

                output.Console.Write(table);
                output.Line(mismatches == 0 ? $"[green]all {results.Count} rows as expected[/]" : $"[red]{mismatches} of {results.Count} rows differ[/]");
            }

            return Task.FromResult(mismatches == 0 ? ExitCodes.Ok : ExitCodes.Failed);
        });
        return command;
    }

    private static Option<string?> MatrixOption() => new("--matrix") { Description = "The access matrix (default: policies/access-matrix.json next to template.yaml)." };

    private static string MatrixPath(string? given) =>
        given ?? Path.Combine(Path.GetDirectoryName(TemplateLocator.Find(null))!, "policies", "access-matrix.json");

    private static KeyValuePair<string, string> ParseKeyValue(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? KeyValuePair.Create(text[..equals], text[(equals + 1)..]) : throw new InvalidDataException($"--context takes KEY=VALUE, not '{text}'");
    }

    // Long ARNs make the table unreadable; the bucket and account parts are the same on every row.
    private static string Shorten(string arn) => arn.Length <= 60 ? arn : "…" + arn[^59..];
}
