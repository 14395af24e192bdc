namespace DirectAccess.Client.UserPool;

/// <summary>
/// The <c>NEW_PASSWORD_REQUIRED</c> challenge (a user created by an administrator signs in with a temporary
/// password). The callback returns the new password; <see cref="RequiredAttributes"/> lists attributes the pool
/// wants filled (<c>requiredAttributes</c> challenge parameter).
/// </summary>
public sealed record NewPasswordChallenge(string Username, IReadOnlyList<string> RequiredAttributes);

/// <summary>Answer to <see cref="NewPasswordChallenge"/>: the new password and values for required attributes.</summary>
public sealed record NewPasswordAnswer(string NewPassword, IReadOnlyDictionary<string, string>? Attributes = null);
