using System.Net;
using System.Text.Json;
using DirectAccess.Client.Errors;
using DirectAccess.Client.Functions;

namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>
/// Performs a matrix row's <c>lambda:InvokeFunction</c> as the caller: <c>Invoke</c> with payload <c>{}</c> (and the
/// ARN's qualifier). A function error is still an allowed call. For <c>WhoAmI</c>, the answer must name the caller.
/// </summary>
public sealed class LambdaRowRequests(LambdaInvokeClient caller, string whoAmIFunction)
{
    public async Task<RowRun> InvokeAsync(LambdaTarget target, string callerIdentityId)
    {
        InvokeResponse? response = null;
        ServiceAnswer answer;
        try
        {
            response = await caller.InvokeAsync(new InvokeRequest { FunctionName = target.FunctionName, Qualifier = target.Qualifier });
            answer = ServiceAnswer.Success((HttpStatusCode)response.StatusCode);
        }
        catch (DirectAccessServiceException e)
        {
            answer = ServiceAnswer.From(e);
        }

        return new RowRun(answer, () => CheckRanAsCaller(response, target, callerIdentityId), RowRun.Nothing);
    }

    private Task CheckRanAsCaller(InvokeResponse? response, LambdaTarget target, string callerIdentityId)
    {
        Assert.That(response?.StatusCode, Is.EqualTo(200), "Invoke status");
        if (target.FunctionName == whoAmIFunction)
        {
            Assert.That(response!.FunctionError, Is.Null, "WhoAmI failed: " + System.Text.Encoding.UTF8.GetString(response.Payload));
            var identity = JsonDocument.Parse(response.Payload).RootElement.GetProperty("identityId").GetString();
            Assert.That(identity, Is.EqualTo(callerIdentityId), "the identity WhoAmI saw");
        }

        return Task.CompletedTask;
    }
}
