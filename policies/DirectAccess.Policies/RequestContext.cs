namespace DirectAccess.Policies;

/// <summary>
/// One request to authorize, as IAM sees it: the action (<c>service:Name</c>), the resource ARN, and the request
/// context keys. Context key names are case-insensitive (IAM user guide, "Condition"); values are kept as given.
/// A key may carry one value or several (multi-valued keys such as <c>cognito-identity.amazonaws.com:amr</c>).
/// </summary>
/// <remarks>Build one per request; it is not thread-safe while being built, and read-only in evaluation.</remarks>
public sealed class RequestContext
{
    private readonly Dictionary<string, string[]> _keys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a context for <paramref name="action"/> on <paramref name="resource"/>.</summary>
    /// <param name="action">IAM action such as <c>s3:GetObject</c> (matched case-insensitively).</param>
    /// <param name="resource">Resource ARN such as <c>arn:aws:s3:::bucket/key</c> (matched case-sensitively).</param>
    /// <exception cref="ArgumentException">When either is null or empty.</exception>
    public RequestContext(string action, string resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        Action = action;
        Resource = resource;
    }

    /// <summary>The IAM action, e.g. <c>s3:PutObject</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN the action applies to.</summary>
    public string Resource { get; }

    /// <summary>
    /// The principal making the request, for trust policies (e.g. <c>Federated</c> =
    /// <c>cognito-identity.amazonaws.com</c>); null for identity-policy evaluation.
    /// </summary>
    public RequestPrincipal? Principal { get; init; }

    /// <summary>All context keys with their values (one or more each).</summary>
    public IReadOnlyDictionary<string, string[]> Keys => _keys;

    /// <summary>Sets a single-valued context key, replacing any earlier value. Returns this context.</summary>
    public RequestContext With(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _keys[key] = [value];
        return this;
    }

    /// <summary>Sets a multi-valued context key (an empty array means "present but empty"). Returns this context.</summary>
    public RequestContext WithValues(string key, params string[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(values);
        _keys[key] = values;
        return this;
    }

    /// <summary>The values of <paramref name="key"/>, or false when the key is absent from the request.</summary>
    public bool TryGetValues(string key, out string[] values) => _keys.TryGetValue(key, out values!);
}

/// <summary>The caller as a trust policy's <c>Principal</c> element sees it.</summary>
/// <param name="Type">Principal type: <c>AWS</c>, <c>Federated</c>, <c>Service</c> or <c>CanonicalUser</c>.</param>
/// <param name="Id">The principal id, e.g. <c>cognito-identity.amazonaws.com</c> or an ARN.</param>
public sealed record RequestPrincipal(string Type, string Id);
