using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Lambda.RuntimeApi;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// Starts execution environments: issues the function's execution-role credentials (role session name = function
/// name, as Lambda does), opens the worker's Runtime API, and launches the functions executable pointed at both.
/// </summary>
public sealed class WorkerFactory(LambdaSettings settings, ICredentialStore credentials, CloudEndpoint endpoint, StackModel stack, TimeProvider clock)
{
    /// <summary>Starts a worker for <paramref name="function"/>.</summary>
    /// <exception cref="LambdaException">500 <c>ServiceException</c> when the worker cannot be started (missing
    /// executable, cloud not listening yet, unknown role).</exception>
    public async Task<FunctionWorker> StartAsync(FunctionModel function, CancellationToken cancellationToken)
    {
        var cloud = endpoint.Value ?? throw LambdaException.Service("The local cloud is not listening yet; no worker can start.");
        WorkerCommand command;
        try
        {
            command = WorkerCommand.For(settings.WorkerPath);
        }
        catch (FileNotFoundException e)
        {
            throw LambdaException.Service(e.Message);
        }

        CallerIdentity session;
        try
        {
            session = credentials.IssueRoleSession(function.RoleArn, function.Name, settings.WorkerCredentialLifetime, null, null, []);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw LambdaException.Service($"Could not issue credentials for the execution role {function.RoleArn}: {e.Message}");
        }

        var now = clock.GetUtcNow();
        var mailbox = new InvocationMailbox();
        var log = new WorkerLog(function.Name, settings.Log);
        FunctionWorker? worker = null;
        var endpoints = new RuntimeApiEndpoints(mailbox, clock, error => worker?.ReportInitError(error));
        var server = await RuntimeApiServer.StartAsync(endpoints, cancellationToken);
        worker = new FunctionWorker(function, mailbox, server, log, session.Expiration ?? now + settings.WorkerCredentialLifetime, clock, settings.InitLimit);
        try
        {
            var environment = WorkerEnvironment.Build(function, stack.Region, session, server.RuntimeApiAddress, cloud, command.WorkingDirectory, now);
            worker.Attach(WorkerProcess.Start(command, environment, log.Write));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            await worker.DisposeAsync();
            throw LambdaException.Service($"Could not start the functions worker {command.FileName}: {e.Message}");
        }

        return worker;
    }
}
