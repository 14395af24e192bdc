using DirectAccess.Client.Files;
using Spectre.Console;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>Shows a transfer as a Spectre.Console progress bar (bytes, rate, ETA) when on a terminal; silent otherwise.</summary>
public static class TransferProgressView
{
    /// <summary>Runs <paramref name="transfer"/>, feeding its <see cref="TransferProgress"/> reports to a bar labelled <paramref name="label"/>.</summary>
    public static async Task<T> RunAsync<T>(CliOutput output, string label, Func<IProgress<TransferProgress>?, Task<T>> transfer)
    {
        if (!output.ShowsProgress)
        {
            return await transfer(null);
        }

        T result = default!;
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                // Spectre derives rate and ETA from the values it is given over time.
                var progress = new Progress<TransferProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalBytes);
                    task.Value = p.BytesTransferred;
                });
                result = await transfer(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }
}
