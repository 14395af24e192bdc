using System.CommandLine;
using DirectAccess.Client.Config;
using DirectAccess.Client.Errors;
using DirectAccess.Policies;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>
/// Runs a command body and turns every failure into a clear message and the documented exit code
/// (<see cref="ExitCodes"/>): service errors keep their AWS code and request id.
/// </summary>
public static class CliAction
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/> wrapped in the error mapping.</summary>
    public static void Set(Command command, Option<bool> json, Func<ParseResult, CliOutput, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parseResult, ct) =>
        {
            var output = new CliOutput(parseResult.GetValue(json));
            try
            {
                return await body(parseResult, output, ct);
            }
            catch (Exception e)
            {
                return Report(output, e);
            }
        });
    }

    /// <summary>Prints <paramref name="e"/> and returns its exit code.</summary>
    public static int Report(CliOutput output, Exception e)
    {
        switch (e)
        {
            case NotSignedInException:
                output.Error("NotSignedIn", e.Message);
                return ExitCodes.NotSignedIn;
            case NotAuthorizedException or UserNotConfirmedException or PasswordResetRequiredException or UserNotFoundException:
                var auth = (DirectAccessServiceException)e;
                output.Error(auth.ErrorCode, auth.ServiceMessage, auth.RequestId);
                return ExitCodes.NotSignedIn;
            case FunctionErrorException function:
                output.Error(function.ErrorType, function.ErrorMessage, function.RequestId);
                return ExitCodes.Failed;
            case DirectAccessServiceException service:
                output.Error(service.ErrorCode, service.ServiceMessage, service.RequestId);
                return ExitCodes.Failed;
            case DirectAccessConfigException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
                or PolicyParseException or System.Text.Json.JsonException or ArgumentException:
                output.Error("BadInput", e.Message);
                return ExitCodes.BadInput;
            case Amazon.Runtime.AmazonServiceException aws:
                output.Error(aws.ErrorCode ?? aws.StatusCode.ToString(), aws.Message, aws.RequestId);
                return ExitCodes.Failed;
            case OperationCanceledException:
                output.Error("Cancelled", "cancelled");
                return ExitCodes.Failed;
            default:
                output.Error(e.GetType().Name, e.Message);
                return ExitCodes.Failed;
        }
    }
}
