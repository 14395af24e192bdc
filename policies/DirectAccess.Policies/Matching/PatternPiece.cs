namespace DirectAccess.Policies.Matching;

/// <summary>What one piece of a compiled pattern stands for.</summary>
internal enum PieceKind
{
    /// <summary>Text matched literally (wildcard characters in it are plain characters).</summary>
    Literal,

    /// <summary><c>*</c>: any run of characters, including none.</summary>
    AnyRun,

    /// <summary><c>?</c>: exactly one character.</summary>
    AnyChar,

    /// <summary>A policy variable <c>${key}</c>, replaced per request by the key's value, matched literally.</summary>
    Variable,
}

/// <summary>One piece of a compiled pattern.</summary>
/// <param name="Kind">What the piece stands for.</param>
/// <param name="Text">The literal text, or the variable's context key.</param>
/// <param name="Default">For a variable: the default from <c>${key, 'default'}</c>, or null.</param>
/// <param name="Slot">For a variable: its index among the pattern's variables.</param>
internal readonly record struct PatternPiece(PieceKind Kind, string Text, string? Default = null, int Slot = -1);
