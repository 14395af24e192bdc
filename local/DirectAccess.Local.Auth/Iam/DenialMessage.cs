using DirectAccess.Policies;

namespace DirectAccess.Local.Auth.Iam;

/// <summary>
/// AWS's reason text for an identity-policy denial (IAM user guide, "Troubleshoot access denied error messages"):
/// <c>User: &lt;caller&gt; is not authorized to perform: &lt;action&gt; on resource: &lt;resource&gt; because no
/// identity-based policy allows the &lt;action&gt; action</c>, or <c>… with an explicit deny in an identity-based
/// policy</c>. S3 quotes the resource ARN (<c>"arn:aws:s3:::b/k"</c>); Lambda and the others do not.
/// </summary>
internal static class DenialMessage
{
    /// <summary>The message for <paramref name="kind"/>; empty for <see cref="DecisionKind.Allow"/>.</summary>
    public static string For(DecisionKind kind, string callerArn, string action, string resource)
    {
        if (kind == DecisionKind.Allow)
        {
            return "";
        }

        var shownResource = action.StartsWith("s3:", StringComparison.OrdinalIgnoreCase) ? $"\"{resource}\"" : resource;
        var head = $"User: {callerArn} is not authorized to perform: {action} on resource: {shownResource}";
        return kind == DecisionKind.ExplicitDeny
            ? $"{head} with an explicit deny in an identity-based policy"
            : $"{head} because no identity-based policy allows the {action} action";
    }
}
