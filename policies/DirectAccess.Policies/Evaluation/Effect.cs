namespace DirectAccess.Policies.Evaluation;

/// <summary>A statement's <c>Effect</c>.</summary>
internal enum Effect { Allow, Deny }
