using System.Net;
using DirectAccess.Policies;

namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>
/// What IAM's refusal must look like (REFERENCE §5): 403, <c>AccessDenied</c> (S3) or <c>AccessDeniedException</c>
/// (Lambda), and AWS's reason text naming the assumed role, the action, the resource and the kind of deny.
/// </summary>
public sealed record DenialExpectation(string Service, string AssumedRoleArn, string Action, string Resource, DecisionKind Kind)
{
    public void AssertMatches(ServiceAnswer answer)
    {
        var code = Service == "s3" ? "AccessDenied" : "AccessDeniedException";
        var resource = Service == "s3" ? $"\"{Resource}\"" : Resource;
        var reason = Kind == DecisionKind.ExplicitDeny
            ? "with an explicit deny in an identity-based policy"
            : $"because no identity-based policy allows the {Action} action";
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden), $"expected IAM to refuse ({Kind}), got {answer}");
            Assert.That(answer.ErrorCode, Is.EqualTo(code), $"error code; answer: {answer}");
            Assert.That(answer.Message, Does.StartWith($"User: {AssumedRoleArn} is not authorized to perform: {Action} on resource: {resource}"), "reason text");
            Assert.That(answer.Message, Does.Contain(reason), "kind of deny");
        });
    }
}
