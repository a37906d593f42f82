namespace ContactCenter.Sip.Messages;

/// <summary>
/// What <see cref="SipStreamFramer"/> already learned about the message at the head of a stream buffer, so a call
/// after more bytes arrived resumes instead of scanning again: without it, a peer sending a 64 KiB header one byte
/// per segment costs quadratic work. Keep one per connection; the framer resets it when it returns a frame. Only
/// valid while the buffer's head is not consumed.
/// </summary>
public struct SipFrameScanState
{
    /// <summary>How many leading bytes are known to hold no end of the header section.</summary>
    internal long Scanned;

    /// <summary>Where the body starts, once the header section's end was found; 0 before.</summary>
    internal int BodyStart;

    internal int ContentLength;

    public void Reset() => this = default;
}
