using System.Text;

namespace ContactCenter.Sip.Messages;

public sealed partial class SipMessage
{
    internal TextRange CallIdRange { get; init; }
    internal TextRange CSeqMethodRange { get; init; }
    internal TextRange FromTagRange { get; init; }
    internal TextRange ToTagRange { get; init; }
    internal TextRange TopViaRange { get; init; }
    internal TextRange BranchRange { get; init; }

    public ReadOnlyMemory<byte> CallId => CallIdRange.Slice(_data);

    /// <summary>The Call-ID as a string, made once per message (several layers key on it).</summary>
    public string CallIdString => _callIdString ??= Encoding.UTF8.GetString(CallIdRange.Slice(_data.Span));

    private string? _callIdString;

    /// <summary>The CSeq sequence number (below 2^31, RFC 3261 §8.1.1.5).</summary>
    public uint CSeq { get; internal init; }

    public SipMethod CSeqMethod { get; internal init; }

    public ReadOnlyMemory<byte> CSeqMethodName => CSeqMethodRange.Slice(_data);

    /// <summary>Max-Forwards, or -1 when the header is absent (RFC 2543 peers omit it).</summary>
    public int MaxForwards { get; internal init; } = -1;

    /// <summary>Content-Length as sent, or -1 when absent.</summary>
    public int ContentLength { get; internal init; } = -1;

    public ReadOnlyMemory<byte> FromTag => FromTagRange.Slice(_data);

    public ReadOnlyMemory<byte> ToTag => ToTagRange.Slice(_data);

    public bool HasToTag => !ToTagRange.IsEmpty;

    /// <summary>The top Via's branch parameter; empty when absent.</summary>
    public ReadOnlyMemory<byte> Branch => BranchRange.Slice(_data);

    /// <summary>True when the branch carries the RFC 3261 magic cookie, so transactions match by it (§17.2.3).</summary>
    public bool HasRfc3261Branch => BranchRange.Length > 7 && BranchRange.Slice(_data.Span).StartsWith("z9hG4bK"u8);

    /// <summary>The topmost Via value (the first one when a line carries several).</summary>
    public ViaHeader TopVia => ViaHeader.TryParse(TopViaRange.Slice(_data), out var via) ? via : default;
}
