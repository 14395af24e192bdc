using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DirectAccess.Local.Identity.Roles;
using DirectAccess.Local.Identity.Tokens;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Identity.Sts;

/// <summary>
/// <c>AssumeRoleWithWebIdentity {RoleArn, RoleSessionName, WebIdentityToken, DurationSeconds?}</c> (unsigned; STS API
/// reference) for the identity pool's OpenID tokens only: the token must verify (<see cref="OpenIdTokens.Verify"/>,
/// else <c>InvalidIdentityToken</c>) and be unexpired (<c>ExpiredTokenException</c>); the role must exist and its
/// trust policy allow this web identity (<see cref="TrustGate"/>, else 403 <c>AccessDenied</c>);
/// <c>DurationSeconds</c> 900–43200 and at most the role's <c>MaxSessionDuration</c> (default 3600). Session policies
/// (<c>Policy</c>, <c>PolicyArns</c>) and <c>ProviderId</c> are refused: ignoring them would grant more than asked.
/// Result: <c>Credentials</c> (<c>Expiration</c> ISO 8601 UTC), <c>AssumedRoleUser{Arn, AssumedRoleId}</c>,
/// <c>SubjectFromWebIdentityToken</c> (identity id), <c>Audience</c> (pool id), <c>Provider</c>
/// (<c>cognito-identity.amazonaws.com</c>).
/// </summary>
public sealed partial class AssumeRoleWithWebIdentityAction(OpenIdTokens tokens, StackModel stack, ICredentialStore credentials, TimeProvider clock)
    : IStsAction
{
    /// <inheritdoc />
    public string Name => "AssumeRoleWithWebIdentity";

    /// <inheritdoc />
    public XElement[] Execute(StsCall call)
    {
        var roleArn = call.Required("RoleArn", 20, 2048);
        var sessionName = call.Required("RoleSessionName", 2, 64);
        if (!SessionNamePattern().IsMatch(sessionName))
        {
            throw StsException.Validation(sessionName, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        var webIdentityToken = call.Required("WebIdentityToken", 4, 20000);
        var duration = Duration(call.Get("DurationSeconds"));
        foreach (var refused in new[] { "Policy", "PolicyArns.member.1", "ProviderId" })
        {
            if (call.Get(refused) is not null)
            {
                throw new StsException("ValidationError", $"{refused.Split('.')[0]} is not supported by the local cloud.");
            }
        }

        var jwt = tokens.Verify(webIdentityToken)
            ?? throw new StsException("InvalidIdentityToken", "Couldn't verify signed token.");
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var expires = jwt.ClaimSeconds("exp") ?? 0;
        if (now >= expires)
        {
            throw new StsException("ExpiredTokenException", $"Token expired: current date/time {now} must be before the expiration date/time {expires}");
        }

        var audience = jwt.ClaimString("aud") ?? throw new StsException("InvalidIdentityToken", "Missing a required claim: aud");
        var subject = jwt.ClaimString("sub") ?? throw new StsException("InvalidIdentityToken", "Missing a required claim: sub");
        var amr = jwt.ClaimStrings("amr");
        var role = stack.FindRole(roleArn);
        if (role is null || !TrustGate.Allows(role, audience, subject, amr))
        {
            throw new StsException("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", 403);
        }

        if (duration > role.MaxSessionDuration)
        {
            throw new StsException("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        var issued = credentials.IssueRoleSession(role.Arn, sessionName, duration, subject, audience, amr);
        return
        [
            StsXml.Element("Credentials",
                StsXml.Element("AccessKeyId", issued.AccessKeyId),
                StsXml.Element("SecretAccessKey", issued.SecretAccessKey),
                StsXml.Element("SessionToken", issued.SessionToken),
                StsXml.Element("Expiration", issued.Expiration!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))),
            StsXml.Element("SubjectFromWebIdentityToken", subject),
            StsXml.Element("AssumedRoleUser",
                StsXml.Element("Arn", issued.CallerArn),
                StsXml.Element("AssumedRoleId", issued.UserId)),
            StsXml.Element("Provider", TrustGate.CognitoIdentityProvider),
            StsXml.Element("Audience", audience),
        ];
    }

    private static TimeSpan Duration(string? text)
    {
        if (text is null)
        {
            return TimeSpan.FromHours(1);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new StsException("ValidationError", $"Value '{text}' for parameter DurationSeconds is invalid.");
        }

        return seconds is >= 900 and <= 43200
            ? TimeSpan.FromSeconds(seconds)
            : throw StsException.Validation(text, "durationSeconds",
                seconds < 900 ? "Member must have value greater than or equal to 900" : "Member must have value less than or equal to 43200");
    }

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionNamePattern();
}
