namespace DirectAccess.Functions.Worker.Invocation;

/// <summary>
/// The in-memory response of one invocation, refusing to grow past Lambda's synchronous response limit so a runaway
/// function fails fast with <c>Function.ResponseSizeTooLarge</c> (the errorType Lambda itself reports) instead of
/// filling memory.
/// </summary>
public sealed class ResponseBuffer : MemoryStream
{
    /// <summary>Lambda's synchronous payload limit, 6 MB = 6,291,456 bytes (AWS Lambda developer guide, "Lambda quotas").</summary>
    public const int MaximumBytes = 6 * 1024 * 1024;

    /// <summary>The errorType reported when a function writes more than <see cref="MaximumBytes"/>.</summary>
    public const string TooLargeErrorType = "Function.ResponseSizeTooLarge";

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        EnsureRoom(count);
        base.Write(buffer, offset, count);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureRoom(buffer.Length);
        base.Write(buffer);
    }

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        EnsureRoom(1);
        base.WriteByte(value);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        EnsureRoom(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureRoom(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override void SetLength(long value)
    {
        if (value > MaximumBytes)
        {
            throw TooLarge();
        }

        base.SetLength(value);
    }

    private void EnsureRoom(int count)
    {
        if (Position + count > MaximumBytes)
        {
            throw TooLarge();
        }
    }

    private static FunctionErrorException TooLarge() => new(
        TooLargeErrorType,
        $"The response is larger than Lambda's synchronous limit of {MaximumBytes} bytes.");
}
