namespace DirectAccess.Local.Identity.Identities;

/// <summary>One identity of an identity pool, linked to one user pool login.</summary>
/// <param name="IdentityId"><c>&lt;region&gt;:&lt;uuid&gt;</c>.</param>
/// <param name="IdentityPoolId">The pool it belongs to.</param>
/// <param name="ProviderName">The linked login's provider (<c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>).</param>
/// <param name="Subject">The linked user's <c>sub</c>.</param>
/// <param name="CreationDate">When first seen (UTC).</param>
/// <param name="LastModifiedDate">Last change (UTC).</param>
public sealed record IdentityRecord(string IdentityId, string IdentityPoolId, string ProviderName, string Subject,
    DateTimeOffset CreationDate, DateTimeOffset LastModifiedDate);
