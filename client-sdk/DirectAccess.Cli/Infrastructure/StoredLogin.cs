using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DirectAccess.Client.Config;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>
/// The refresh token kept by <c>directaccess login</c>, one file per (endpoint, user pool) under
/// <c>&lt;data dir&gt;/logins/</c>, readable and writable only by the user (mode 0600, directory 0700).
/// </summary>
public sealed record StoredLogin(string Username, string RefreshToken, string UserPoolId, string UserPoolClientId, DateTimeOffset SignedInUtc)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Saves the login for <paramref name="config"/>, replacing any earlier one, with owner-only permissions.</summary>
    public void Save(DirectAccessConfig config)
    {
        var path = PathFor(config);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Create the file with owner-only mode before the token is written, so it is never readable by others.
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The stored login for <paramref name="config"/>, or null when not signed in.</summary>
    public static StoredLogin? Load(DirectAccessConfig config)
    {
        var path = PathFor(config);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredLogin>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // A damaged file means "sign in again", never a crash.
        }
    }

    /// <summary>Deletes the stored login; true when there was one.</summary>
    public static bool Delete(DirectAccessConfig config)
    {
        var path = PathFor(config);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>The file for <paramref name="config"/>: the same user pool id on two local clouds must not share a login.</summary>
    public static string PathFor(DirectAccessConfig config)
    {
        var scope = $"{config.Endpoint}|{config.Region}|{config.UserPoolId}|{config.UserPoolClientId}";
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
        return Path.Combine(DataDirectory.Default, "logins", $"{config.UserPoolId}-{name}.json");
    }
}
