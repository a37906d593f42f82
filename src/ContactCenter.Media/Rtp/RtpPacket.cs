using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// A zero-copy view of one RTP packet (RFC 3550 §5.1) over the received bytes. Parsing never throws and never
/// allocates: malformed input yields a <see cref="RtpParseStatus"/> instead. The view is only valid while the
/// underlying buffer is.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>The fixed header is 12 octets: V/P/X/CC, M/PT, sequence, timestamp, SSRC.</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The RTP version this parser accepts.</summary>
    public const int SupportedVersion = 2;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _payloadOffset;
    private readonly int _payloadLength;
    private readonly int _extensionDataLength;

    private RtpPacket(ReadOnlySpan<byte> packet, int payloadOffset, int payloadLength, int extensionDataLength)
    {
        _packet = packet;
        _payloadOffset = payloadOffset;
        _payloadLength = payloadLength;
        _extensionDataLength = extensionDataLength;
    }

    /// <summary>The whole datagram, header and padding included.</summary>
    public ReadOnlySpan<byte> Raw => _packet;

    /// <summary>True when the P bit is set; the padding is excluded from <see cref="Payload"/>.</summary>
    public bool HasPadding => (_packet[0] & 0x20) != 0;

    /// <summary>True when the X bit is set.</summary>
    public bool HasExtension => (_packet[0] & 0x10) != 0;

    /// <summary>Number of contributing sources listed after the fixed header (0..15).</summary>
    public int CsrcCount => _packet[0] & 0x0F;

    /// <summary>The marker bit (for audio: first packet of a talk spurt; set by the rewriter on a source switch).</summary>
    public bool Marker => (_packet[1] & 0x80) != 0;

    /// <summary>The payload type (0..127).</summary>
    public byte PayloadType => (byte)(_packet[1] & 0x7F);

    /// <summary>The 16-bit sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_packet[2..]);

    /// <summary>The 32-bit media timestamp, in the payload's clock units.</summary>
    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_packet[4..]);

    /// <summary>The synchronization source identifier.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_packet[8..]);

    /// <summary>The header extension's 16-bit profile-defined field, or 0 without an extension.</summary>
    public ushort ExtensionProfile =>
        HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_packet[ExtensionOffset..]) : (ushort)0;

    /// <summary>The header extension's data words (without its 4-octet header); empty without an extension.</summary>
    public ReadOnlySpan<byte> ExtensionData =>
        HasExtension ? _packet.Slice(ExtensionOffset + 4, _extensionDataLength) : default;

    /// <summary>The payload, after CSRCs and extension, before padding.</summary>
    public ReadOnlySpan<byte> Payload => _packet.Slice(_payloadOffset, _payloadLength);

    /// <summary>Octets of header (fixed header, CSRC list and extension) before the payload.</summary>
    public int HeaderLength => _payloadOffset;

    /// <summary>Octets of padding at the end (including the count octet), 0 without the P bit.</summary>
    public int PaddingLength => HasPadding ? _packet[^1] : 0;

    private int ExtensionOffset => FixedHeaderLength + (4 * CsrcCount);

    /// <summary>Returns the CSRC at <paramref name="index"/> (0-based, below <see cref="CsrcCount"/>).</summary>
    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_packet[(FixedHeaderLength + (4 * index))..]);
    }

    /// <summary>
    /// Parses <paramref name="data"/> as an RTP packet. Checks the version, the CSRC list, the extension length and the
    /// padding count against the datagram length; returns a status rather than throwing for any input.
    /// </summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = default;
        if (data.Length < FixedHeaderLength)
        {
            return RtpParseStatus.TooShort;
        }

        var first = data[0];
        if (first >> 6 != SupportedVersion)
        {
            return RtpParseStatus.BadVersion;
        }

        var offset = FixedHeaderLength + (4 * (first & 0x0F));
        if (offset > data.Length)
        {
            return RtpParseStatus.CsrcOverrun;
        }

        var extensionDataLength = 0;
        if ((first & 0x10) != 0)
        {
            if (offset + 4 > data.Length)
            {
                return RtpParseStatus.ExtensionOverrun;
            }

            extensionDataLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            offset += 4;
            if (extensionDataLength > data.Length - offset)
            {
                return RtpParseStatus.ExtensionOverrun;
            }

            offset += extensionDataLength;
        }

        var end = data.Length;
        if ((first & 0x20) != 0)
        {
            // The last octet counts the padding including itself, so 0 is meaningless and it may not eat the header.
            int padding = data[^1];
            if (padding == 0 || padding > end - offset)
            {
                return RtpParseStatus.BadPadding;
            }

            end -= padding;
        }

        packet = new RtpPacket(data, offset, end - offset, extensionDataLength);
        return RtpParseStatus.Ok;
    }
}
