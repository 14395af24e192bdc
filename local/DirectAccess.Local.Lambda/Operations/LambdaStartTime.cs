namespace DirectAccess.Local.Lambda.Operations;

/// <summary>When the local Lambda loaded the template (UTC): the functions' <c>LastModified</c>.</summary>
/// <param name="Value">The instant.</param>
public sealed record LambdaStartTime(DateTimeOffset Value);
