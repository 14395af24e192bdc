using DirectAccess.Client;
using DirectAccess.Client.Credentials;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>Sign-in options that keep every file the SDK writes (journals, identity id cache) under a test's own folder.</summary>
public static class IsolatedSignIn
{
    public static SignInOptions In(string directory) => new()
    {
        DataDirectory = directory,
        Credentials = new IdentityPoolCredentialsOptions { DataDirectory = directory },
    };
}
