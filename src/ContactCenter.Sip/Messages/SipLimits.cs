namespace ContactCenter.Sip.Messages;

public static class SipLimits
{
    /// <summary>
    /// The largest message the stack accepts. Offsets inside a message are 16-bit, and a UDP datagram
    /// cannot be larger anyway; over TCP a larger message is refused with 513 (RFC 3261 §21.5.14).
    /// </summary>
    public const int MaxMessageSize = ushort.MaxValue;

    /// <summary>Header lines beyond this make the message rejected: bounded work per message.</summary>
    public const int MaxHeaderCount = 256;

    /// <summary>Longer header names are refused as malformed lines; the longest registered name has 30 characters.</summary>
    public const int MaxHeaderNameLength = 255;
}
