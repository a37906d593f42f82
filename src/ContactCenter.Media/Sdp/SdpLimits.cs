namespace ContactCenter.Media.Sdp;

/// <summary>
/// Bounds on what the parser accepts, so a hostile description costs bounded time and memory. A real telephone
/// offer is under 1 KiB and 30 lines; a WebRTC offer with candidates stays well under these.
/// </summary>
public static class SdpLimits
{
    /// <summary>Largest description accepted, in bytes; larger input is refused before it is scanned.</summary>
    public const int MaxSize = 64 * 1024;

    /// <summary>Most lines accepted.</summary>
    public const int MaxLines = 1024;

    /// <summary>Most media sections (<c>m=</c> lines) accepted.</summary>
    public const int MaxMediaDescriptions = 64;

    /// <summary>Most formats on one <c>m=</c> line (RTP has 128 payload types).</summary>
    public const int MaxFormatsPerMedia = 128;
}
