using System.CommandLine;
using System.Text.Json;
using DirectAccess.Policies;
using DirectAccess.Policies.Json;
using DirectAccess.Policies.Templates;

namespace DirectAccess.Cli.Commands;

/// <summary>
/// <c>directaccess policy eval --policy FILE [--policy FILE ...] --request FILE [--param NAME=VALUE ...]
/// [--parameters FILE]</c>: decides one request offline with the IAM policy engine and prints one JSON object
/// <c>{"decision", "policy", "statement", "sid", "reasons"}</c>. Exit 0 when a decision was made (whatever it is), 2 on
/// bad input (unreadable file, policy parse error with its JSON path, malformed request).
/// </summary>
public static class PolicyCommand
{
    /// <summary>Exit code for a decision made.</summary>
    public const int Decided = 0;

    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>The <c>policy</c> command group.</summary>
    public static Command Build()
    {
        var policy = new Command("policy", "Check IAM policies offline with the same engine the local cloud uses.");
        policy.Subcommands.Add(BuildEval());
        policy.Subcommands.Add(PolicySimulationCommands.BuildSimulate());
        policy.Subcommands.Add(PolicySimulationCommands.BuildMatrix());
        return policy;
    }

    private static Command BuildEval()
    {
        var policies = new Option<string[]>("--policy")
        {
            Description = "An identity policy JSON file; repeat for several (all apply, as for one role).",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        var request = new Option<string?>("--request")
        {
            Description = "Request JSON: {\"action\": ..., \"resource\": ..., \"context\": {\"key\": \"value\" | [\"v1\", \"v2\"]}}.",
        };
        var parameterValues = new Option<string[]>("--param")
        {
            Description = "Fill a CloudFormation placeholder ${NAME} in the policies and request, e.g. --param UploadBucket=my-bucket.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var parameterFile = new Option<string?>("--parameters")
        {
            Description = "JSON file of placeholder values: an object of strings, or an access matrix (its \"parameters\", and its callers' identity ids as ${caller}).",
        };

        var eval = new Command("eval", "Decide one request against policies: Allow, ExplicitDeny or ImplicitDeny, and why.")
        {
            policies, request, parameterValues, parameterFile,
        };
        eval.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var policyFiles = parseResult.GetValue(policies) ?? [];
                var requestFile = parseResult.GetValue(request);
                if (policyFiles.Length == 0)
                {
                    throw new InvalidDataException("at least one --policy FILE is required");
                }

                if (string.IsNullOrEmpty(requestFile))
                {
                    throw new InvalidDataException("--request FILE is required");
                }

                var parameters = LoadParameters(parseResult.GetValue(parameterFile), parseResult.GetValue(parameterValues) ?? []);
                var documents = policyFiles.Select(file =>
                {
                    var text = ReadFile(file, "policy");
                    return PolicyDocument.Parse(parameters.Count == 0 ? text : PolicyTemplate.Substitute(text, parameters), Path.GetFileName(file));
                }).ToList();
                var set = PolicySet.Compile(documents);
                var context = RequestJson.Parse(ReadFile(requestFile, "request"), parameters.Count == 0 ? null : parameters);

                output.WriteLine(DecisionJson.ToJson(set.Evaluate(context)));
                return Decided;
            }
            catch (PolicyParseException e)
            {
                error.WriteLine($"directaccess policy eval: policy error: {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
            {
                error.WriteLine($"directaccess policy eval: {e.Message}");
            }

            return BadInput;
        });
        return eval;
    }

    private static Dictionary<string, string> LoadParameters(string? file, string[] pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(file))
        {
            using var document = ParseJson(ReadFile(file, "parameters"), file);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("parameters", out var nested))
            {
                AddCallerIdentityIds(root, parameters);
                root = nested;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{file}: parameters must be a JSON object of strings");
            }

            foreach (var property in root.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : throw new InvalidDataException($"{file}: parameter '{property.Name}' must be a string");
            }
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new InvalidDataException($"--param '{pair}' must be NAME=VALUE");
            }

            parameters[pair[..equals]] = pair[(equals + 1)..];
        }

        return parameters;
    }

    /// <summary>An access matrix's callers fill <c>${caller}</c> with their identity id, as in the matrix rows.</summary>
    private static void AddCallerIdentityIds(JsonElement matrix, Dictionary<string, string> parameters)
    {
        if (!matrix.TryGetProperty("callers", out var callers) || callers.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var caller in callers.EnumerateObject())
        {
            if (caller.Value.ValueKind == JsonValueKind.Object
                && caller.Value.TryGetProperty("identityId", out var id) && id.ValueKind == JsonValueKind.String)
            {
                parameters[caller.Name] = id.GetString()!;
            }
        }
    }

    private static JsonDocument ParseJson(string text, string file)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON: {e.Message}", e);
        }
    }

    private static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read {what} file '{path}': {e.Message}", e);
        }
    }
}
