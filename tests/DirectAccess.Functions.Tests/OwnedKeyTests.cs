using DirectAccess.Functions.Storage;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Tests;

/// <summary>The ownership rule every file function applies before touching S3.</summary>
public sealed class OwnedKeyTests
{
    private const string Me = "us-east-1:11111111-2222-3333-4444-555555555555";

    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/a.txt", "a.txt")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/dir/sub/b.bin", "dir/sub/b.bin")]
    public void KeysUnderTheCallersPrefixAreAccepted(string key, string relative)
    {
        var owned = OwnedKey.Parse(key, Me);

        Assert.That(owned.RelativeKey, Is.EqualTo(relative));
        Assert.That(owned.Owner, Is.EqualTo(Me));
    }

    [TestCase("private/us-east-1:99999999-2222-3333-4444-555555555555/a.txt")]
    [TestCase("public/a.txt")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555")]
    [TestCase("PRIVATE/us-east-1:11111111-2222-3333-4444-555555555555/a.txt")]
    [TestCase("manifests/us-east-1:11111111-2222-3333-4444-555555555555/a.txt")]
    public void KeysOutsideTheCallersPrefixAreForbidden(string key) =>
        Assert.That(
            () => OwnedKey.Parse(key, Me),
            Throws.TypeOf<FunctionErrorException>().With.Property(nameof(FunctionErrorException.ErrorType)).EqualTo(FunctionErrorException.Forbidden));

    [TestCase("")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/../x")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/a//b")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/./b")]
    [TestCase("private/us-east-1:11111111-2222-3333-4444-555555555555/a\nb")]
    public void MalformedKeysAreInvalidRequests(string key) =>
        Assert.That(
            () => OwnedKey.Parse(key, Me),
            Throws.TypeOf<FunctionErrorException>().With.Property(nameof(FunctionErrorException.ErrorType)).EqualTo(FunctionErrorException.InvalidRequest));

    [Test]
    public void OverlongKeysAreInvalidRequests() =>
        Assert.That(
            () => OwnedKey.Parse($"private/{Me}/" + new string('x', OwnedKey.MaximumKeyBytes), Me),
            Throws.TypeOf<FunctionErrorException>().With.Property(nameof(FunctionErrorException.ErrorType)).EqualTo(FunctionErrorException.InvalidRequest));
}
