namespace ContactCenter.Media.Sdp;

/// <summary>
/// A <c>t=</c> line with the <c>r=</c> lines that follow it (RFC 8866 §5.9, §5.10). Start and stop are NTP seconds;
/// <c>t=0 0</c> is an unbounded session, which is all telephony uses. Repeats are kept as written.
/// </summary>
public sealed record SdpTiming(ulong Start, ulong Stop)
{
    /// <summary><c>t=0 0</c>.</summary>
    public static SdpTiming Unbounded { get; } = new(0, 0);

    /// <summary>The <c>r=</c> values, as written.</summary>
    public IReadOnlyList<string> Repeats { get; init; } = [];
}
