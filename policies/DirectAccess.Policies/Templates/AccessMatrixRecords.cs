namespace DirectAccess.Policies.Templates;

/// <summary>A caller of the access matrix: a user with a Cognito identity id.</summary>
/// <param name="Name">The caller's name in the matrix (e.g. <c>alice</c>); rows write <c>${alice}</c> for the id.</param>
/// <param name="Group">The user pool group (role) the caller belongs to, or null for none.</param>
/// <param name="IdentityId">The Cognito identity id, <c>region:guid</c>.</param>
public sealed record AccessMatrixCaller(string Name, string? Group, string IdentityId);

/// <summary>One row of the access matrix as written, placeholders unresolved.</summary>
/// <param name="Id">Row id, e.g. <c>R01</c>.</param>
/// <param name="Role">Role name (key of the matrix's <c>roles</c>).</param>
/// <param name="Caller">Caller name (key of the matrix's <c>callers</c>).</param>
/// <param name="Action">IAM action.</param>
/// <param name="Resource">Resource ARN template.</param>
/// <param name="Context">Extra request keys (templates), each with one or more values.</param>
/// <param name="Expected">The decision IAM must reach.</param>
/// <param name="Note">What the row checks.</param>
public sealed record AccessMatrixRow(string Id, string Role, string Caller, string Action, string Resource,
    IReadOnlyDictionary<string, string[]> Context, DecisionKind Expected, string? Note);

/// <summary>A row with every placeholder resolved, ready to evaluate.</summary>
/// <param name="Row">The row as written.</param>
/// <param name="IdentityId">The caller's identity id.</param>
/// <param name="Resource">The resolved resource ARN.</param>
/// <param name="Context">All request keys: the caller's Cognito and global keys plus the row's context.</param>
public sealed record AccessMatrixCase(AccessMatrixRow Row, string IdentityId, string Resource,
    IReadOnlyDictionary<string, string[]> Context)
{
    /// <summary>The request to evaluate against the row's role policy.</summary>
    public RequestContext ToRequest()
    {
        var request = new RequestContext(Row.Action, Resource);
        foreach (var (key, values) in Context)
        {
            request.WithValues(key, values);
        }

        return request;
    }
}
