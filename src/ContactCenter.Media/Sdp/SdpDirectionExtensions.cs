namespace ContactCenter.Media.Sdp;

/// <summary>Direction algebra for offer/answer (RFC 3264 §6.1) and the attribute names.</summary>
public static class SdpDirectionExtensions
{
    /// <summary>Whether the writer of a description with this direction sends media.</summary>
    public static bool AllowsSend(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>Whether the writer of a description with this direction receives media.</summary>
    public static bool AllowsReceive(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>The same stream seen from the other end: sendonly becomes recvonly and the reverse.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    /// <summary>What both allow: sending only if both allow sending, receiving only if both allow receiving.</summary>
    public static SdpDirection Intersect(this SdpDirection direction, SdpDirection other) =>
        FromFlags(direction.AllowsSend() && other.AllowsSend(), direction.AllowsReceive() && other.AllowsReceive());

    /// <summary>The direction with the given send and receive permissions.</summary>
    public static SdpDirection FromFlags(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>The attribute name: <c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c> or <c>inactive</c>.</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpAttributeNames.SendOnly,
        SdpDirection.RecvOnly => SdpAttributeNames.RecvOnly,
        SdpDirection.Inactive => SdpAttributeNames.Inactive,
        _ => SdpAttributeNames.SendRecv,
    };

    /// <summary>Reads a direction attribute name (case-insensitive, as phones differ).</summary>
    public static bool TryParseAttributeName(string name, out SdpDirection direction)
    {
        if (name.Equals(SdpAttributeNames.SendRecv, StringComparison.OrdinalIgnoreCase)) direction = SdpDirection.SendRecv;
        else if (name.Equals(SdpAttributeNames.SendOnly, StringComparison.OrdinalIgnoreCase)) direction = SdpDirection.SendOnly;
        else if (name.Equals(SdpAttributeNames.RecvOnly, StringComparison.OrdinalIgnoreCase)) direction = SdpDirection.RecvOnly;
        else if (name.Equals(SdpAttributeNames.Inactive, StringComparison.OrdinalIgnoreCase)) direction = SdpDirection.Inactive;
        else
        {
            direction = SdpDirection.SendRecv;
            return false;
        }

        return true;
    }
}
