using System.CommandLine;
using System.Text.Json.Nodes;
using DirectAccess.Cli.Infrastructure;
using DirectAccess.Client.Files;
using DirectAccess.Client.Functions.Payloads;
using Spectre.Console;

namespace DirectAccess.Cli.Commands;

/// <summary><c>upload</c>, <c>download</c>, <c>ls</c>, <c>rm</c>, <c>share</c>: the signed-in user's files, straight to S3.</summary>
public static class FileCommands
{
    /// <summary>The five commands.</summary>
    public static IEnumerable<Command> Build() => [BuildUpload(), BuildDownload(), BuildList(), BuildRemove(), BuildShare()];

    private static Option<AccessLevel> LevelOption() => new("--level")
    {
        Description = "Prefix: Private (private/<identity id>/, default), Protected (protected/<identity id>/) or Public (public/).",
        DefaultValueFactory = _ => AccessLevel.Private,
    };

    private static Command BuildUpload()
    {
        var (command, common) = CommonOptions.On(new Command("upload", "Upload a file (parallel multipart, checksummed; re-running resumes an interrupted upload)."));
        var file = new Argument<FileInfo>("file") { Description = "The file to upload." };
        var key = new Argument<string?>("key") { Description = "Key under your prefix (default: the file name).", Arity = ArgumentArity.ZeroOrOne };
        var level = LevelOption();
        var partSize = new Option<long?>("--part-size") { Description = "Part size in bytes (default 16 MiB; grown for files over 160 GiB)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Parts in flight (default 8)." };
        command.Arguments.Add(file);
        command.Arguments.Add(key);
        command.Options.Add(level);
        command.Options.Add(partSize);
        command.Options.Add(concurrency);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                throw new FileNotFoundException($"no such file: {source.FullName}");
            }

            await using var session = await SessionOpener.OpenAsync(ConfigResolver.Resolve(parse.GetValue(common.Config)), null, ct);
            var options = new UploadOptions { AccessLevel = parse.GetValue(level) };
            options = parse.GetValue(partSize) is { } size ? options with { PartSize = size } : options;
            options = parse.GetValue(concurrency) is { } parallel ? options with { Concurrency = parallel } : options;
            var target = parse.GetValue(key) ?? source.Name;
            var result = await TransferProgressView.RunAsync(output, $"upload {source.Name}",
                progress => session.Files.UploadAsync(source.FullName, target, options, progress, ct));
            if (output.IsJson)
            {
                output.WriteJson(new JsonObject
                {
                    ["bucket"] = result.Bucket, ["key"] = result.Key, ["size"] = result.Size, ["eTag"] = result.ETag,
                    ["checksumAlgorithm"] = result.ChecksumAlgorithm, ["checksum"] = result.Checksum, ["parts"] = result.PartCount,
                    ["partsResumed"] = result.PartsResumed, ["seconds"] = result.Duration.TotalSeconds, ["bytesPerSecond"] = result.BytesPerSecond,
                });
            }
            else
            {
                output.Line($"[green]uploaded[/] {Markup.Escape(result.Key)}: {result.Size:N0} bytes in {result.Duration.TotalSeconds:F1} s " +
                    $"({result.BytesPerSecond / 1048576:F0} MiB/s, {result.PartCount} parts, {result.PartsResumed} resumed, {result.ChecksumAlgorithm} {Markup.Escape(result.Checksum)})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildDownload()
    {
        var (command, common) = CommonOptions.On(new Command("download", "Download an object (parallel ranged GETs into a temp file renamed when complete)."));
        var key = new Argument<string>("key") { Description = "Key under your prefix." };
        var destination = new Argument<string?>("destination") { Description = "Where to write (default: the key's file name).", Arity = ArgumentArity.ZeroOrOne };
        var level = LevelOption();
        command.Arguments.Add(key);
        command.Arguments.Add(destination);
        command.Options.Add(level);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            await using var session = await SessionOpener.OpenAsync(ConfigResolver.Resolve(parse.GetValue(common.Config)), null, ct);
            var source = parse.GetValue(key)!;
            var path = Path.GetFullPath(parse.GetValue(destination) ?? Path.GetFileName(source));
            var started = DateTime.UtcNow;
            var bytes = await TransferProgressView.RunAsync(output, $"download {Path.GetFileName(source)}",
                progress => session.Files.DownloadAsync(source, path, new DownloadOptions { AccessLevel = parse.GetValue(level) }, progress, ct));
            var seconds = (DateTime.UtcNow - started).TotalSeconds;
            if (output.IsJson)
            {
                output.WriteJson(new JsonObject { ["key"] = source, ["path"] = path, ["size"] = bytes, ["seconds"] = seconds });
            }
            else
            {
                output.Line($"[green]downloaded[/] {Markup.Escape(source)} → {Markup.Escape(path)}: {bytes:N0} bytes in {seconds:F1} s");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildList()
    {
        var (command, common) = CommonOptions.On(new Command("ls", "List your objects (ListObjectsV2 under your prefix)."));
        var prefix = new Argument<string>("prefix") { Description = "Prefix under your prefix.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "" };
        var level = LevelOption();
        command.Arguments.Add(prefix);
        command.Options.Add(level);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            await using var session = await SessionOpener.OpenAsync(ConfigResolver.Resolve(parse.GetValue(common.Config)), null, ct);
            var objects = new List<StoredObject>();
            await foreach (var item in session.Files.ListAsync(parse.GetValue(prefix)!, parse.GetValue(level), ct))
            {
                objects.Add(item);
            }

            if (output.IsJson)
            {
                output.WriteJson(new JsonArray(objects.Select(o => (JsonNode?)new JsonObject
                {
                    ["key"] = o.Key, ["relativeKey"] = o.RelativeKey, ["size"] = o.Size,
                    ["lastModified"] = o.LastModifiedUtc.ToString("O"), ["eTag"] = o.ETag,
                }).ToArray()));
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumn("key").AddColumn(new TableColumn("size").RightAligned()).AddColumn("last modified (UTC)");
                foreach (var o in objects)
                {
                    table.AddRow(Markup.Escape(o.RelativeKey), o.Size.ToString("N0"), o.LastModifiedUtc.ToString("u"));
                }

                output.Console.Write(table);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildRemove()
    {
        var (command, common) = CommonOptions.On(new Command("rm", "Delete an object under your prefix."));
        var key = new Argument<string>("key") { Description = "Key under your prefix." };
        var level = LevelOption();
        command.Arguments.Add(key);
        command.Options.Add(level);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            await using var session = await SessionOpener.OpenAsync(ConfigResolver.Resolve(parse.GetValue(common.Config)), null, ct);
            var target = parse.GetValue(key)!;
            await session.Files.DeleteAsync(target, parse.GetValue(level), ct);
            if (output.IsJson)
            {
                output.WriteJson(new JsonObject { ["deleted"] = await session.Files.FullKeyAsync(target, parse.GetValue(level), ct) });
            }
            else
            {
                output.Line($"[green]deleted[/] {Markup.Escape(target)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildShare()
    {
        var (command, common) = CommonOptions.On(new Command("share", "Get a presigned GET URL for one of your objects, from the ShareFile function."));
        var key = new Argument<string>("key") { Description = "Key under your private prefix." };
        var expires = new Option<int>("--expires") { Description = "Seconds the URL stays valid (default 3600, at most 604800).", DefaultValueFactory = _ => 3600 };
        command.Arguments.Add(key);
        command.Options.Add(expires);
        CliAction.Set(command, common.Json, async (parse, output, ct) =>
        {
            await using var session = await SessionOpener.OpenAsync(ConfigResolver.Resolve(parse.GetValue(common.Config)), null, ct);
            var fullKey = await session.Files.FullKeyAsync(parse.GetValue(key)!, AccessLevel.Private, ct);
            var shared = await session.Functions.InvokeAsync<ShareFileRequest, ShareFileResponse>("ShareFile",
                new ShareFileRequest(fullKey, parse.GetValue(expires)), ct);
            if (output.IsJson)
            {
                output.WriteJson(new JsonObject { ["key"] = shared.Key, ["url"] = shared.Url, ["expiresAt"] = shared.ExpiresAt });
            }
            else
            {
                System.Console.Out.WriteLine(shared.Url);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
