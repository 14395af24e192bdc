using Amazon.Runtime;
using DirectAccess.Client.Config;
using DirectAccess.Client.Http;

namespace DirectAccess.Client.UserPool.Admin;

/// <summary>
/// The few SigV4-signed user pool administration calls the CLI and demos need (<c>AdminCreateUser</c>,
/// <c>AdminSetUserPassword</c>, <c>AdminAddUserToGroup</c>, <c>AdminRemoveUserFromGroup</c>, <c>AdminDeleteUser</c>),
/// signed with administrator credentials (service name <c>cognito-idp</c>). Shaped like the official SDK's client.
/// </summary>
public sealed partial class CognitoUserPoolAdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AwsJsonProtocolClient _protocol;

    /// <summary>Creates the client for the config's user pool endpoint.</summary>
    /// <param name="config">Region and endpoint.</param>
    /// <param name="credentials">Administrator credentials (locally: <c>AKIADIRECTACCESSADMIN</c>).</param>
    /// <param name="http">Optional shared HTTP client.</param>
    public CognitoUserPoolAdminClient(DirectAccessConfig config, AWSCredentials credentials, HttpClient? http = null)
    {
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
        _protocol = new AwsJsonProtocolClient(_http, config.ResolveEndpoint("cognito-idp"), "AWSCognitoIdentityProviderService", "cognito-idp", config.Region, new ClockSkew(), credentials);
    }

    /// <summary><c>AdminCreateUser</c>. Throws <c>UsernameExistsException</c> when the name is taken.</summary>
    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<AdminCreateUserRequest, AdminCreateUserResponse>("AdminCreateUser", request, ct);

    /// <summary><c>AdminSetUserPassword</c>. Throws <c>InvalidPasswordException</c> for a password the policy rejects.</summary>
    public Task<EmptyResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<AdminSetUserPasswordRequest, EmptyResponse>("AdminSetUserPassword", request, ct);

    /// <summary><c>AdminAddUserToGroup</c>. Throws <c>ResourceNotFoundException</c> for an unknown group.</summary>
    public Task<EmptyResponse> AdminAddUserToGroupAsync(AdminUserGroupRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<AdminUserGroupRequest, EmptyResponse>("AdminAddUserToGroup", request, ct);

    /// <summary><c>AdminRemoveUserFromGroup</c>.</summary>
    public Task<EmptyResponse> AdminRemoveUserFromGroupAsync(AdminUserGroupRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<AdminUserGroupRequest, EmptyResponse>("AdminRemoveUserFromGroup", request, ct);

    /// <summary><c>AdminDeleteUser</c>.</summary>
    public Task<EmptyResponse> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<AdminDeleteUserRequest, EmptyResponse>("AdminDeleteUser", request, ct);

    /// <summary>
    /// Convenience for demos and tests: creates a confirmed user with a permanent password and adds it to
    /// <paramref name="groups"/>.
    /// </summary>
    public async Task CreateConfirmedUserAsync(string userPoolId, string username, string password, IEnumerable<string> groups, string? email = null, CancellationToken ct = default)
    {
        await AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = userPoolId,
            Username = username,
            MessageAction = "SUPPRESS",
            UserAttributes = email is null ? null : [new AttributeType { Name = "email", Value = email }],
        }, ct).ConfigureAwait(false);
        await AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { UserPoolId = userPoolId, Username = username, Password = password, Permanent = true }, ct).ConfigureAwait(false);
        foreach (var group in groups)
        {
            await AdminAddUserToGroupAsync(new AdminUserGroupRequest { UserPoolId = userPoolId, Username = username, GroupName = group }, ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
