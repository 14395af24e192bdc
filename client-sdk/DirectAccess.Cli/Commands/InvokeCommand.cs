using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectAccess.Cli.Infrastructure;
using DirectAccess.Client.Functions;

namespace DirectAccess.Cli.Commands;

/// <summary><c>invoke &lt;function&gt; [--payload JSON | --payload @file]</c>: Lambda Invoke signed with the user's credentials.</summary>
public static class InvokeCommand
{
    /// <summary>The command.</summary>
    public static Command Build()
    {
        var (command, common) = CommonOptions.On(new Command("invoke", "Invoke a function directly (SigV4); prints its JSON response. Exit 1 on a function error or denial."));
        var function = new Argument<string>("function") { Description = "Function: a template name (WhoAmI, ProcessUpload, ShareFile, AdminReport) or a deployed name/ARN." };
        var payload = new Option<string>("--payload") { Description = "JSON payload, or @FILE to read it from a file (default {}).", DefaultValueFactory = _ => "{}" };
        var tail = new Option<bool>("--log") { Description = "Also print the last 4 KB of the function's log (X-Amz-Log-Type: Tail)." };
        var asEvent = new Option<bool>("--event") { Description = "Queue the invocation (InvocationType Event) instead of waiting for the result." };
        var role = new Option<string?>("--role") { Description = "Pick this role among the token's cognito:roles." };
        command.Arguments.Add(function);
        command.Options.Add(payload);
        command.Options.Add(tail);
        command.Options.Add(asEvent);
        command.Options.Add(role);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            var body = ReadPayload(parse.GetValue(payload)!);
            await using var session = await SessionOpener.OpenAsync(ConfigResolver.Resolve(parse.GetValue(common.Config)), parse.GetValue(role), ct);
            var name = parse.GetValue(function)!;
            if (parse.GetValue(asEvent))
            {
                var requestId = await session.Functions.InvokeEventAsync(name, body, ct);
                output.WriteJson(new JsonObject { ["queued"] = true, ["requestId"] = requestId });
                return ExitCodes.Ok;
            }

            var result = await session.Functions.InvokeAsync<JsonNode?, JsonNode?>(name, body, new InvokeOptions { TailLog = parse.GetValue(tail) }, ct);
            output.WriteJson(result.Payload);
            if (result.LogResult is { } log)
            {
                Console.Error.WriteLine(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(log)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Parses the payload text, or the file it names with a leading <c>@</c>.</summary>
    /// <exception cref="InvalidDataException">When it is not JSON.</exception>
    public static JsonNode? ReadPayload(string value)
    {
        var text = value.StartsWith('@') ? File.ReadAllText(value[1..]) : value;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"--payload is not JSON: {e.Message}");
        }
    }
}
