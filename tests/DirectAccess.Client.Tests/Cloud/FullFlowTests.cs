using System.Security.Cryptography;
using DirectAccess.Client.Errors;
using DirectAccess.Client.Files;
using DirectAccess.Client.Functions.Payloads;
using DirectAccess.Client.Tests.Moto;
using DirectAccess.Client.Tests.Support;
using DirectAccess.Client.UserPool;
using AdminCreateUserRequest = DirectAccess.Client.UserPool.AdminCreateUserRequest;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Cloud;

/// <summary>The whole path against the local cloud on loopback: SRP sign-in → identity pool → direct S3 → direct Lambda.</summary>
[NonParallelizable]
public sealed class FullFlowTests
{
    private const long MiB = 1024 * 1024;
    private CloudUsers _cloud = null!;

    [OneTimeSetUp]
    public async Task Start() => _cloud = await CloudUsers.StartAsync();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Test]
    public async Task SignInUploadProcessDownloadShareListDeleteSignOut()
    {
        var user = await _cloud.CreateUserAsync("alice", "uploaders");
        await using var session = await _cloud.SignInAsync(user);
        var identity = session.Identity;
        Assert.Multiple(() =>
        {
            Assert.That(identity.Username, Is.EqualTo(user));
            Assert.That(identity.Groups, Is.EqualTo(new[] { "uploaders" }));
            Assert.That(identity.IdentityId, Does.Match(@"^us-east-1:[0-9a-f-]{36}$"));
            Assert.That(identity.RoleArn, Does.Contain("role/"));
            Assert.That(identity.CredentialsExpirationUtc, Is.GreaterThan(DateTime.UtcNow.AddMinutes(50)));
        });

        var who = await session.Functions.InvokeAsync<EmptyRequest, WhoAmIResponse>("WhoAmI", new EmptyRequest());
        Assert.That(who.IdentityId, Is.EqualTo(identity.IdentityId), "the function sees the caller's Cognito identity");

        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "data.bin");
        MotoPeerTests.WriteRandom(source, 37 * MiB + 4321);
        var reports = new List<TransferProgress>();
        var result = await session.Files.UploadAsync(source, "inbox/data.bin", new UploadOptions { PartSize = 8 * MiB, Concurrency = 4 }, new SyncProgress(reports));
        Assert.Multiple(() =>
        {
            Assert.That(result.Key, Is.EqualTo($"private/{identity.IdentityId}/inbox/data.bin"));
            Assert.That(result.PartCount, Is.EqualTo(5));
            Assert.That(result.Checksum, Does.EndWith("-5"));
            Assert.That(reports.Last().BytesTransferred, Is.EqualTo(result.Size));
        });

        var receipt = await session.Functions.InvokeAsync<ProcessUploadRequest, UploadReceipt>("ProcessUpload", new ProcessUploadRequest(result.Key));
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Size, Is.EqualTo(result.Size));
            Assert.That(receipt.Sha256, Is.EqualTo(MotoPeerTests.Hash(source)).IgnoreCase);
            Assert.That(receipt.Owner, Is.EqualTo(identity.IdentityId));
        });

        var copy = Path.Combine(dir.Path, "copy.bin");
        await session.Files.DownloadAsync("inbox/data.bin", copy, new DownloadOptions { PartSize = 4 * MiB });
        Assert.That(MotoPeerTests.Hash(copy), Is.EqualTo(MotoPeerTests.Hash(source)));

        await session.Files.UploadAsync(new MemoryStream("shared text"u8.ToArray()), "note.txt");
        var share = await session.Functions.InvokeAsync<ShareFileRequest, ShareFileResponse>("ShareFile", new ShareFileRequest(await session.Files.FullKeyAsync("note.txt"), 300));
        using (var anonymous = new HttpClient())
        {
            Assert.That(await anonymous.GetStringAsync(share.Url), Is.EqualTo("shared text"));
        }

        var listed = new List<string>();
        await foreach (var item in session.Files.ListAsync())
        {
            listed.Add(item.RelativeKey);
        }

        Assert.That(listed, Is.EquivalentTo(new[] { "inbox/data.bin", "note.txt" }));
        await session.Files.DeleteAsync("note.txt");
        listed.Clear();
        await foreach (var item in session.Files.ListAsync())
        {
            listed.Add(item.RelativeKey);
        }

        Assert.That(listed, Is.EqualTo(new[] { "inbox/data.bin" }));

        var refreshToken = session.RefreshToken!;
        await using (var resumed = await DirectAccessSession.ResumeAsync(_cloud.Config, refreshToken, user, _cloud.Options()))
        {
            Assert.That(resumed.Identity.IdentityId, Is.EqualTo(identity.IdentityId));
        }

        await session.SignOutAsync();
        Assert.ThrowsAsync<NotAuthorizedException>(() => DirectAccessSession.ResumeAsync(_cloud.Config, refreshToken, user, _cloud.Options()));
    }

    [Test]
    public async Task PasswordFlowAndWrongPasswordAreTyped()
    {
        var user = await _cloud.CreateUserAsync("pat", "viewers");
        await using (var session = await _cloud.SignInAsync(user, new SignInOptions { Flow = SignInFlow.Password }))
        {
            Assert.That(session.Identity.Groups, Is.EqualTo(new[] { "viewers" }));
        }

        var e = Assert.ThrowsAsync<NotAuthorizedException>(() => DirectAccessSession.SignInAsync(_cloud.Config, user, "wrong-Password-1", _cloud.Options()));
        Assert.That(e!.RequestId, Is.Not.Null.And.Not.Empty);
        Assert.ThrowsAsync<NotAuthorizedException>(() => DirectAccessSession.SignInAsync(_cloud.Config, user, "wrong-Password-1", _cloud.Options(new SignInOptions { Flow = SignInFlow.Password })));
    }

    [Test]
    public async Task NewPasswordRequiredIsAnsweredThroughTheCallback()
    {
        var name = $"newbie-{Guid.NewGuid():N}"[..20];
        await _cloud.Admin.AdminCreateUserAsync(new AdminCreateUserRequest { UserPoolId = _cloud.Config.UserPoolId, Username = name, TemporaryPassword = "Temp-Passw0rd!", MessageAction = "SUPPRESS" });
        // A user in no group gets no role here (AmbiguousRoleResolution: Deny), so give it one.
        await _cloud.Admin.AdminAddUserToGroupAsync(new UserPool.AdminUserGroupRequest { UserPoolId = _cloud.Config.UserPoolId, Username = name, GroupName = "viewers" });
        Assert.ThrowsAsync<UnsupportedChallengeException>(() => DirectAccessSession.SignInAsync(_cloud.Config, name, "Temp-Passw0rd!", _cloud.Options()));

        var asked = 0;
        var options = _cloud.Options(new SignInOptions
        {
            NewPasswordRequired = (challenge, _) =>
            {
                asked++;
                return Task.FromResult(new NewPasswordAnswer(CloudUsers.Password));
            },
        });
        await using (var session = await DirectAccessSession.SignInAsync(_cloud.Config, name, "Temp-Passw0rd!", options))
        {
            Assert.That(session.Identity.Username, Is.EqualTo(name));
        }

        Assert.That(asked, Is.EqualTo(1));
        await using var again = await _cloud.SignInAsync(name);
        Assert.That(again.Identity.IdentityId, Is.Not.Null);
    }

    [Test]
    public async Task AccessDeniedCarriesIamsReason()
    {
        var viewer = await _cloud.CreateUserAsync("carol", "viewers");
        await using var session = await _cloud.SignInAsync(viewer);
        var denied = Assert.ThrowsAsync<AccessDeniedException>(() => session.Files.UploadAsync(new MemoryStream(new byte[10]), "x.bin"));
        Assert.Multiple(() =>
        {
            Assert.That(denied!.ErrorCode, Is.EqualTo("AccessDenied"));
            Assert.That(denied.Reason, Does.Contain("s3:PutObject"));
            Assert.That(denied.RequestId, Is.Not.Null.And.Not.Empty);
        });

        var lambdaDenied = Assert.ThrowsAsync<AccessDeniedException>(() => session.Functions.InvokeAsync<EmptyRequest, AdminReportResponse>("AdminReport", new EmptyRequest()));
        Assert.Multiple(() =>
        {
            Assert.That(lambdaDenied!.ErrorCode, Is.EqualTo("AccessDeniedException"));
            Assert.That(lambdaDenied.Reason, Does.Contain("lambda:InvokeFunction"));
        });
    }

    [Test]
    public async Task FunctionErrorsAreTypedAndOversizedPayloadsAreRefusedBeforeSending()
    {
        var user = await _cloud.CreateUserAsync("erin", "uploaders");
        await using var session = await _cloud.SignInAsync(user);
        var missing = await session.Files.FullKeyAsync("does-not-exist.bin");
        var error = Assert.ThrowsAsync<FunctionErrorException>(() => session.Functions.InvokeAsync<ProcessUploadRequest, UploadReceipt>("ProcessUpload", new ProcessUploadRequest(missing)));
        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorType, Is.Not.Empty);
            Assert.That(error.ErrorMessage, Is.Not.Empty);
            Assert.That(error.FunctionError, Is.EqualTo("Unhandled").Or.EqualTo("Handled"));
        });

        Assert.ThrowsAsync<PayloadTooLargeException>(() => session.Functions.InvokeAsync<string, WhoAmIResponse>("WhoAmI", new string('x', 7 * 1024 * 1024)));

        var tailed = await session.Functions.InvokeAsync<EmptyRequest, WhoAmIResponse>("WhoAmI", new EmptyRequest(), new Functions.InvokeOptions { TailLog = true });
        Assert.Multiple(() =>
        {
            Assert.That(tailed.Payload.IdentityId, Is.EqualTo(session.Identity.IdentityId));
            Assert.That(tailed.RequestId, Is.Not.Null.And.Not.Empty);
            Assert.That(tailed.LogResult, Is.Not.Null, "X-Amz-Log-Type: Tail returns the log tail");
        });

        var queued = await session.Functions.Lambda.InvokeAsync(new Functions.InvokeRequest
        {
            FunctionName = _cloud.Config.ResolveFunctionName("WhoAmI"),
            InvocationType = "Event",
        });
        Assert.That(queued.StatusCode, Is.EqualTo(202));
    }

    [Test]
    public async Task CustomRoleArnPicksALessPrivilegedRoleFromCognitoRoles()
    {
        var user = await _cloud.CreateUserAsync("dave", "admins", "uploaders");
        await using (var admin = await _cloud.SignInAsync(user))
        {
            Assert.That(admin.Identity.Roles, Has.Count.EqualTo(2));
            var report = await admin.Functions.InvokeAsync<EmptyRequest, AdminReportResponse>("AdminReport", new EmptyRequest());
            Assert.That(report.Bucket, Is.EqualTo(_cloud.Config.UploadBucketName));
        }

        var options = new SignInOptions { SelectRole = roles => roles.Single(r => r.Contains("Uploader", StringComparison.OrdinalIgnoreCase)) };
        await using var narrowed = await _cloud.SignInAsync(user, options);
        Assert.That(narrowed.Identity.RoleArn, Does.Contain("Uploader").IgnoreCase);
        Assert.ThrowsAsync<AccessDeniedException>(() => narrowed.Functions.InvokeAsync<EmptyRequest, AdminReportResponse>("AdminReport", new EmptyRequest()));

        var bogus = new SignInOptions { Credentials = new() { CustomRoleArn = "arn:aws:iam::000000000000:role/NotInTheToken" } };
        Assert.ThrowsAsync(Is.InstanceOf<DirectAccessServiceException>(), () => _cloud.SignInAsync(user, bogus));
    }

    [Test]
    public async Task StaleCachedIdentityIdIsEvictedAndReplaced()
    {
        var user = await _cloud.CreateUserAsync("frank", "uploaders");
        string identityId;
        string sub;
        await using (var first = await _cloud.SignInAsync(user))
        {
            identityId = first.Identity.IdentityId!;
            sub = first.Identity.Sub;
        }

        var cache = new IdentityPool.IdentityIdCache(_cloud.Home.Path);
        Assert.That(cache.Get(_cloud.Config.UserPoolId, sub, _cloud.Config.IdentityPoolId), Is.EqualTo(identityId));
        cache.Set(_cloud.Config.UserPoolId, sub, _cloud.Config.IdentityPoolId, "us-east-1:00000000-0000-4000-8000-000000000000");

        await using var second = await _cloud.SignInAsync(user);
        Assert.That(second.Identity.IdentityId, Is.EqualTo(identityId));
        Assert.That(cache.Get(_cloud.Config.UserPoolId, sub, _cloud.Config.IdentityPoolId), Is.EqualTo(identityId));
    }

    [Test]
    public async Task KilledUploadResumesInAnotherProcessByteIdentical()
    {
        var user = await _cloud.CreateUserAsync("gina", "uploaders");
        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "resume.bin");
        MotoPeerTests.WriteRandom(source, 48 * MiB + 777);
        var journals = new Files.Journal.UploadJournalStore(_cloud.Home.Path);

        using (var child = UploadChildProcess.Start(_cloud.ConfigPath, user, CloudUsers.Password, source, "resume/resume.bin", _cloud.Home.Path, "400"))
        {
            var parts = 0;
            for (var i = 0; i < 600 && parts < 3 && !child.HasExited; i++)
            {
                await Task.Delay(50);
                parts = journals.All().Sum(j => j.Parts.Count);
            }

            if (child.HasExited)
            {
                Assert.Fail("child ended early: " + await child.StandardError.ReadToEndAsync());
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            Assert.That(parts, Is.GreaterThanOrEqualTo(3));
        }

        var journal = journals.All().Single();
        Assert.That(journal.Parts.Count, Is.LessThan(10), "killed mid-upload");

        await using var session = await _cloud.SignInAsync(user);
        var result = await session.Files.UploadAsync(source, "resume/resume.bin", new UploadOptions { PartSize = 5 * MiB });
        Assert.Multiple(() =>
        {
            Assert.That(result.PartsResumed, Is.GreaterThanOrEqualTo(3));
            Assert.That(result.PartCount, Is.EqualTo(10));
            Assert.That(journals.All(), Is.Empty);
        });

        var copy = Path.Combine(dir.Path, "copy.bin");
        await session.Files.DownloadAsync("resume/resume.bin", copy);
        Assert.That(MotoPeerTests.Hash(copy), Is.EqualTo(MotoPeerTests.Hash(source)));
    }

    [Test]
    public async Task CancelUploadAbortsAndDeletesTheJournal()
    {
        var user = await _cloud.CreateUserAsync("hank", "uploaders");
        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "cancel.bin");
        MotoPeerTests.WriteRandom(source, 21 * MiB);
        using var slow = new HttpClient(new ThrottlingHandler(TimeSpan.FromMilliseconds(300)));
        await using var session = await _cloud.SignInAsync(user, new SignInOptions { HttpClient = slow });
        using var cts = new CancellationTokenSource();
        var journals = new Files.Journal.UploadJournalStore(_cloud.Home.Path);
        var reports = new SyncProgress([], _ => cts.Cancel());
        Assert.CatchAsync<OperationCanceledException>(() => session.Files.UploadAsync(source, "c.bin", new UploadOptions { PartSize = 5 * MiB, Concurrency = 1 }, reports, cts.Token));
        var journal = journals.All().Single(j => j.Header.FilePath == source);

        Assert.That(await session.Files.CancelUploadAsync(source, "c.bin"), Is.True);
        Assert.That(journals.All().Any(j => j.Header.FilePath == source), Is.False);
        var gone = Assert.ThrowsAsync<DirectAccessServiceException>(() => Files.S3Calls.Run(() => session.Files.S3.ListPartsAsync(new Amazon.S3.Model.ListPartsRequest
        {
            BucketName = session.Files.Bucket,
            Key = journal.Header.Key,
            UploadId = journal.Header.UploadId,
        })));
        Assert.That(gone!.ErrorCode, Is.EqualTo("NoSuchUpload"));
    }
}

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them later).</summary>
public sealed class SyncProgress(List<TransferProgress> reports, Action<TransferProgress>? onReport = null) : IProgress<TransferProgress>
{
    public void Report(TransferProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
