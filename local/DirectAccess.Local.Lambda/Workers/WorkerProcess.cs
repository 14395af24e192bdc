using System.Diagnostics;
using System.Text;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// A running functions executable: started with a controlled environment, its stdout and stderr read line by line
/// (each line at most 16 KB; longer ones are cut) so the pipes never fill, killed with its whole process tree.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const int MaximumLineBytes = 16 * 1024;

    private readonly Process _process;
    private readonly Task _pumps;

    private WorkerProcess(Process process, Action<string> onLine)
    {
        _process = process;
        Id = process.Id;
        _pumps = Task.WhenAll(
            Task.Run(() => PumpLinesAsync(process.StandardOutput.BaseStream, onLine)),
            Task.Run(() => PumpLinesAsync(process.StandardError.BaseStream, onLine)));
        Exited = WaitForExitAsync(process);
    }

    /// <summary>The operating system's process id.</summary>
    public int Id { get; }

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => Exited.IsCompleted;

    /// <summary>Starts <paramref name="command"/> with exactly <paramref name="environment"/>.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static WorkerProcess Start(WorkerCommand command, IReadOnlyDictionary<string, string> environment, Action<string> onLine)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = command.WorkingDirectory,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        process.StandardInput.Close(); // A function reads no console input.
        return new WorkerProcess(process, onLine);
    }

    /// <summary>Kills the process and everything it started; harmless when it already ended.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting at this very moment.
        }
    }

    /// <summary>Kills the process tree and waits (at most 5 s) for it and its output readers to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await Task.WhenAll(Exited, _pumps).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A grandchild may hold the pipes open; the kill was sent, nothing more to wait for.
        }

        _process.Dispose();
    }

    private static async Task<int> WaitForExitAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Splits <paramref name="output"/> into lines (LF or CRLF), cutting each at <see cref="MaximumLineBytes"/>.</summary>
    private static async Task PumpLinesAsync(Stream output, Action<string> onLine)
    {
        var buffer = new byte[8192];
        var line = new MemoryStream();
        var cut = false;
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer)) > 0)
            {
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    Append(buffer.AsSpan(start, i - start));
                    Emit();
                    start = i + 1;
                }

                Append(buffer.AsSpan(start, read - start));
            }

            if (line.Length > 0)
            {
                Emit();
            }
        }
        catch (IOException)
        {
            // The pipe broke because the process was killed.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }

        void Append(ReadOnlySpan<byte> bytes)
        {
            var room = MaximumLineBytes - (int)line.Length;
            if (bytes.Length > room)
            {
                cut = true;
                bytes = bytes[..Math.Max(0, room)];
            }

            line.Write(bytes);
        }

        void Emit()
        {
            var length = (int)line.Length;
            if (length > 0 && line.GetBuffer()[length - 1] == (byte)'\r')
            {
                length--;
            }

            var text = Encoding.UTF8.GetString(line.GetBuffer(), 0, length);
            onLine(cut ? text + " [line cut at 16 KB]" : text);
            line.SetLength(0);
            cut = false;
        }
    }
}
