using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// Builds an RTP packet into a caller-owned buffer, in wire order: header, CSRCs, extension, payload, padding.
/// Every step returns false (and writes nothing more) when the buffer is too small or the step is out of order, so
/// building never throws on the hot path and never allocates.
/// </summary>
/// <example>
/// <code>
/// var writer = new RtpPacketWriter(buffer);
/// if (writer.TryWriteHeader(header) &amp;&amp; writer.TryWritePayload(frame)) { socket.SendTo(writer.Written, ...); }
/// </code>
/// </example>
public ref struct RtpPacketWriter
{
    private const int MaxCsrcs = 15;

    private readonly Span<byte> _destination;
    private int _length;
    private Stage _stage;

    /// <summary>Starts a packet at the beginning of <paramref name="destination"/>.</summary>
    public RtpPacketWriter(Span<byte> destination)
    {
        _destination = destination;
        _length = 0;
        _stage = Stage.Empty;
    }

    private enum Stage
    {
        Empty,
        Header,
        Extension,
        Payload,
        Padding,
    }

    /// <summary>Octets written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The packet bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _destination[.._length];

    /// <summary>
    /// The free space after what is written, so an encoder can produce the payload in place and then call
    /// <see cref="TryAdvancePayload"/>.
    /// </summary>
    public readonly Span<byte> Remaining => _destination[_length..];

    /// <summary>Builds the common packet (header and payload only) in one call.</summary>
    public static bool TryWrite(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload, out int bytesWritten)
    {
        var writer = new RtpPacketWriter(destination);
        var ok = writer.TryWriteHeader(header) && writer.TryWritePayload(payload);
        bytesWritten = ok ? writer.Length : 0;
        return ok;
    }

    /// <summary>Writes the 12-octet fixed header (version 2, no CSRC, no extension, no padding yet).</summary>
    public bool TryWriteHeader(in RtpHeader header)
    {
        if (_stage != Stage.Empty || _destination.Length < RtpPacket.FixedHeaderLength || header.PayloadType > 127)
        {
            return false;
        }

        _destination[0] = RtpPacket.SupportedVersion << 6;
        _destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(_destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(_destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(_destination[8..], header.Ssrc);
        _length = RtpPacket.FixedHeaderLength;
        _stage = Stage.Header;
        return true;
    }

    /// <summary>Appends one contributing source (at most 15), right after the header and before any extension.</summary>
    public bool TryAddCsrc(uint csrc)
    {
        var count = _destination.Length > 0 ? _destination[0] & 0x0F : 0;
        if (_stage != Stage.Header || count == MaxCsrcs || _destination.Length - _length < 4)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(_destination[_length..], csrc);
        _destination[0] = (byte)((_destination[0] & 0xF0) | (count + 1));
        _length += 4;
        return true;
    }

    /// <summary>
    /// Writes the header extension (RFC 3550 §5.3.1): the profile field, the length in 32-bit words and the data, whose
    /// length must be a multiple of 4 octets. Sets the X bit.
    /// </summary>
    public bool TryWriteExtension(ushort profile, scoped ReadOnlySpan<byte> data)
    {
        if (_stage != Stage.Header || data.Length % 4 != 0 || data.Length / 4 > ushort.MaxValue
            || _destination.Length - _length < 4 + data.Length)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_destination[_length..], profile);
        BinaryPrimitives.WriteUInt16BigEndian(_destination[(_length + 2)..], (ushort)(data.Length / 4));
        data.CopyTo(_destination[(_length + 4)..]);
        _destination[0] |= 0x10;
        _length += 4 + data.Length;
        _stage = Stage.Extension;
        return true;
    }

    /// <summary>Appends payload octets (may be called more than once).</summary>
    public bool TryWritePayload(scoped ReadOnlySpan<byte> payload)
    {
        if (_stage is Stage.Empty or Stage.Padding || _destination.Length - _length < payload.Length)
        {
            return false;
        }

        payload.CopyTo(_destination[_length..]);
        _length += payload.Length;
        _stage = Stage.Payload;
        return true;
    }

    /// <summary>Counts <paramref name="count"/> octets already produced in <see cref="Remaining"/> as payload.</summary>
    public bool TryAdvancePayload(int count)
    {
        if (_stage is Stage.Empty or Stage.Padding || count < 0 || _destination.Length - _length < count)
        {
            return false;
        }

        _length += count;
        _stage = Stage.Payload;
        return true;
    }

    /// <summary>
    /// Appends <paramref name="count"/> octets of padding (1..255, the last octet holding the count) and sets the P bit.
    /// Nothing can be written after the padding.
    /// </summary>
    public bool TryWritePadding(int count)
    {
        if (_stage is Stage.Empty or Stage.Padding || count is < 1 or > 255 || _destination.Length - _length < count)
        {
            return false;
        }

        _destination.Slice(_length, count - 1).Clear();
        _destination[_length + count - 1] = (byte)count;
        _destination[0] |= 0x20;
        _length += count;
        _stage = Stage.Padding;
        return true;
    }
}
