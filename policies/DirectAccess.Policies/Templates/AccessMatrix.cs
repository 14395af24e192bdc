using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DirectAccess.Policies.Templates;

/// <summary>
/// The access matrix (<c>policies/access-matrix.json</c>): roles and their policy files, callers with identity ids,
/// CloudFormation parameters, and rows of concrete requests with the decision IAM must reach. Resolving the rows
/// fills <c>${Parameter}</c> and <c>${caller}</c> placeholders and gives each request the keys a Cognito identity
/// pool session carries (REFERENCE §2, §4; IAM user guide, "AWS global condition context keys").
/// </summary>
public sealed class AccessMatrix
{
    /// <summary>The federated provider of Cognito identity pool sessions.</summary>
    public const string CognitoIdentityProvider = "cognito-identity.amazonaws.com";

    private AccessMatrix(string directory, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, string> roles, IReadOnlyDictionary<string, AccessMatrixCaller> callers,
        IReadOnlyList<AccessMatrixRow> rows)
    {
        Directory = directory;
        Parameters = parameters;
        Roles = roles;
        Callers = callers;
        Rows = rows;
    }

    /// <summary>The folder the matrix was loaded from; role policy files are found relative to it.</summary>
    public string Directory { get; }

    /// <summary>Offline values of the CloudFormation parameters (<c>AWS::Region</c>, <c>UploadBucket</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Role name → policy file name.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; }

    /// <summary>Caller name → caller.</summary>
    public IReadOnlyDictionary<string, AccessMatrixCaller> Callers { get; }

    /// <summary>The rows as written.</summary>
    public IReadOnlyList<AccessMatrixRow> Rows { get; }

    /// <summary>Loads and validates the matrix file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The matrix is malformed (message names the element).</exception>
    public static AccessMatrix Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary>Parses matrix JSON; <paramref name="directory"/> is where role policy files are looked up.</summary>
    /// <exception cref="InvalidDataException">The matrix is malformed.</exception>
    public static AccessMatrix Parse(string json, string directory)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var parameters = StringMap(root, "parameters");
            var roles = StringMap(root, "roles");
            var callers = Required(root, "callers").EnumerateObject().ToDictionary(
                c => c.Name,
                c => new AccessMatrixCaller(c.Name, OptionalString(c.Value, "group"), RequiredString(c.Value, "identityId")),
                StringComparer.Ordinal);
            var rows = Required(root, "rows").EnumerateArray().Select(ParseRow).ToList();
            foreach (var row in rows)
            {
                if (!roles.ContainsKey(row.Role) || !callers.ContainsKey(row.Caller))
                {
                    throw new InvalidDataException($"row {row.Id}: unknown role '{row.Role}' or caller '{row.Caller}'");
                }
            }

            return new AccessMatrix(directory, parameters, roles, callers, rows);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"malformed access matrix: {e.Message}", e);
        }
    }

    /// <summary>Path of <paramref name="role"/>'s policy file: next to the matrix, or under its <c>roles/</c> folder.</summary>
    /// <exception cref="KeyNotFoundException">An unknown role.</exception>
    public string RolePolicyPath(string role)
    {
        var file = Roles[role];
        var beside = Path.Combine(Directory, file);
        return File.Exists(beside) ? beside : Path.Combine(Directory, "roles", file);
    }

    /// <summary>Loads a role's policy with <paramref name="parameters"/> (default: <see cref="Parameters"/>) substituted.</summary>
    /// <exception cref="PolicyParseException">The policy is malformed.</exception>
    public PolicyDocument LoadRolePolicy(string role, IReadOnlyDictionary<string, string>? parameters = null) =>
        PolicyTemplate.LoadPolicy(RolePolicyPath(role), parameters ?? Parameters);

    /// <summary>
    /// Resolves every row for the given parameter values and identity ids (defaults: the matrix's own, for offline
    /// checks; a live check passes the running stack's outputs and the real identity ids).
    /// </summary>
    /// <param name="parameters">Overrides for <see cref="Parameters"/>, by name.</param>
    /// <param name="identityIds">Overrides for callers' identity ids, by caller name.</param>
    /// <param name="now">The request time for <c>aws:CurrentTime</c>/<c>aws:EpochTime</c> (default: now, UTC).</param>
    public IReadOnlyList<AccessMatrixCase> Resolve(IReadOnlyDictionary<string, string>? parameters = null,
        IReadOnlyDictionary<string, string>? identityIds = null, DateTimeOffset? now = null)
    {
        var values = new Dictionary<string, string>(Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var ids = Callers.Values.ToDictionary(c => c.Name, c => identityIds?.GetValueOrDefault(c.Name) ?? c.IdentityId);
        foreach (var (name, id) in ids)
        {
            values[name] = id;
        }

        var time = now ?? DateTimeOffset.UtcNow;
        return Rows.Select(row =>
        {
            var context = CallerContext(row.Caller, ids[row.Caller], values, time);
            foreach (var (key, templates) in row.Context)
            {
                context[key] = templates.Select(t => PolicyTemplate.Substitute(t, values)).ToArray();
            }

            return new AccessMatrixCase(row, ids[row.Caller], PolicyTemplate.Substitute(row.Resource, values), context);
        }).ToList();
    }

    /// <summary>
    /// The keys a Cognito identity pool session carries: <c>cognito-identity.amazonaws.com:sub</c> (identity id),
    /// <c>:aud</c> (pool id), <c>:amr</c> (<c>authenticated</c>, the user pool provider, provider
    /// <c>:CognitoSignIn:</c>user sub), plus <c>aws:userid</c> (role id : session name), <c>aws:FederatedProvider</c>,
    /// <c>aws:PrincipalType</c>, <c>aws:SecureTransport</c>, <c>aws:CurrentTime</c>, <c>aws:EpochTime</c>,
    /// <c>aws:RequestedRegion</c> and <c>aws:PrincipalAccount</c> when the parameters give them.
    /// </summary>
    public static Dictionary<string, string[]> CallerContext(string caller, string identityId,
        IReadOnlyDictionary<string, string> parameters, DateTimeOffset now)
    {
        var region = parameters.GetValueOrDefault("AWS::Region") ?? identityId.Split(':')[0];
        var provider = $"cognito-idp.{region}.amazonaws.com/{parameters.GetValueOrDefault("UserPool") ?? $"{region}_UserPool"}";
        var context = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{CognitoIdentityProvider}:sub"] = [identityId],
            [$"{CognitoIdentityProvider}:amr"] = ["authenticated", provider, $"{provider}:CognitoSignIn:{StableGuid("user:" + caller)}"],
            ["aws:userid"] = [$"AROA{StableGuid("role").Replace("-", "")[..17].ToUpperInvariant()}:CognitoIdentityCredentials"],
            ["aws:FederatedProvider"] = [CognitoIdentityProvider],
            ["aws:PrincipalType"] = ["AssumedRole"],
            ["aws:SecureTransport"] = ["true"],
            ["aws:CurrentTime"] = [now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)],
            ["aws:EpochTime"] = [now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)],
            ["aws:RequestedRegion"] = [region],
        };
        if (parameters.TryGetValue("IdentityPool", out var pool))
        {
            context[$"{CognitoIdentityProvider}:aud"] = [pool];
        }

        if (parameters.TryGetValue("AWS::AccountId", out var account))
        {
            context["aws:PrincipalAccount"] = [account];
        }

        return context;
    }

    private static AccessMatrixRow ParseRow(JsonElement row)
    {
        var id = RequiredString(row, "id");
        var expectedText = RequiredString(row, "expected");
        if (!Enum.TryParse<DecisionKind>(expectedText, ignoreCase: false, out var expected) || !Enum.IsDefined(expected))
        {
            throw new InvalidDataException($"row {id}: expected must be Allow, ExplicitDeny or ImplicitDeny, not '{expectedText}'");
        }

        var context = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (row.TryGetProperty("context", out var contextElement))
        {
            foreach (var key in contextElement.EnumerateObject())
            {
                context[key.Name] = key.Value.ValueKind == JsonValueKind.Array
                    ? key.Value.EnumerateArray().Select(v => v.GetString()!).ToArray()
                    : [key.Value.GetString()!];
            }
        }

        return new AccessMatrixRow(id, RequiredString(row, "role"), RequiredString(row, "caller"),
            RequiredString(row, "action"), RequiredString(row, "resource"), context, expected, OptionalString(row, "note"));
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"missing '{name}'");

    private static string RequiredString(JsonElement element, string name) =>
        Required(element, name).GetString() ?? throw new InvalidDataException($"'{name}' is null");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> StringMap(JsonElement root, string name) =>
        Required(root, name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    /// <summary>A GUID-shaped string derived from <paramref name="seed"/>, so offline requests are reproducible.</summary>
    private static string StableGuid(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
