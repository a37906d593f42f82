using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// One <c>a=</c> line: <c>a=name</c> (a property, <see cref="Value"/> null) or <c>a=name:value</c> (the value exactly as
/// written, possibly empty). Every attribute, known or not, is kept in order so a description writes back as it came;
/// the typed views (<see cref="SdpRtpMap"/>, <see cref="SdpFmtp"/>, ...) read these values.
/// </summary>
public readonly record struct SdpAttribute(string Name, string? Value)
{
    /// <summary>A property attribute such as <c>a=rtcp-mux</c>.</summary>
    public static SdpAttribute Flag(string name) => new(name, null);

    /// <summary><c>a=rtpmap:&lt;pt&gt; &lt;name&gt;/&lt;clock&gt;[/&lt;channels&gt;]</c>.</summary>
    public static SdpAttribute RtpMap(int payloadType, string encodingName, int clockRate, int? channels = null) =>
        new(SdpAttributeNames.RtpMap, new SdpRtpMap(payloadType, encodingName, clockRate, channels).ToValue());

    /// <summary><c>a=fmtp:&lt;format&gt; &lt;parameters&gt;</c>.</summary>
    public static SdpAttribute Fmtp(string format, string parameters) => new(SdpAttributeNames.Fmtp, $"{format} {parameters}");

    /// <summary><c>a=ptime:&lt;milliseconds&gt;</c>.</summary>
    public static SdpAttribute PacketTime(int milliseconds) =>
        new(SdpAttributeNames.PacketTime, milliseconds.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>a=sendrecv</c>, <c>a=sendonly</c>, <c>a=recvonly</c> or <c>a=inactive</c>.</summary>
    public static SdpAttribute Direction(SdpDirection direction) => Flag(direction.ToAttributeName());

    /// <summary><c>a=rtcp:&lt;port&gt;</c> (RFC 3605).</summary>
    public static SdpAttribute Rtcp(int port) => new(SdpAttributeNames.Rtcp, port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether this attribute has the given name (case-insensitive, as phones differ).</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The line content after <c>a=</c>.</summary>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
