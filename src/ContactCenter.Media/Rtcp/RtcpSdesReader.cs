using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Iterates the items of an SDES packet (RFC 3550 §6.5): chunks of an SSRC followed by type-length-value items, each
/// chunk ended by a null octet and padded to a 32-bit boundary. Stops with <see cref="Status"/> set when a chunk or item
/// overruns the packet.
/// </summary>
public ref struct RtcpSdesReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly int _chunkCount;
    private int _chunksStarted;
    private int _offset;
    private bool _inChunk;
    private uint _chunkSsrc;

    private RtcpSdesReader(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        _chunkCount = chunkCount;
        _chunksStarted = 0;
        _offset = 0;
        _inChunk = false;
        _chunkSsrc = 0;
        Status = RtcpParseStatus.Ok;
    }

    /// <summary><see cref="RtcpParseStatus.Ok"/> until a malformed chunk or item is met.</summary>
    public RtcpParseStatus Status { get; private set; }

    /// <summary>Starts reading the chunks of <paramref name="packet"/>, which must be an SDES packet.</summary>
    public static RtcpParseStatus TryCreate(in RtcpPacket packet, out RtcpSdesReader reader)
    {
        reader = default;
        if (packet.Type != (byte)RtcpPacketType.SourceDescription)
        {
            return RtcpParseStatus.WrongType;
        }

        reader = new RtcpSdesReader(packet.Body, packet.Count);
        return RtcpParseStatus.Ok;
    }

    /// <summary>Finds the first CNAME in <paramref name="packet"/>; false when absent or malformed.</summary>
    public static bool TryFindCanonicalName(in RtcpPacket packet, out uint ssrc, out ReadOnlySpan<byte> canonicalName)
    {
        ssrc = 0;
        canonicalName = default;
        if (TryCreate(packet, out var reader) != RtcpParseStatus.Ok)
        {
            return false;
        }

        while (reader.TryReadItem(out var itemSsrc, out var type, out var value))
        {
            if (type == RtcpSdesItemType.CanonicalName)
            {
                ssrc = itemSsrc;
                canonicalName = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the next item of any chunk; false at the end of the packet or on malformed input.</summary>
    public bool TryReadItem(out uint ssrc, out RtcpSdesItemType type, out ReadOnlySpan<byte> value)
    {
        ssrc = 0;
        type = RtcpSdesItemType.End;
        value = default;
        while (Status == RtcpParseStatus.Ok)
        {
            if (!_inChunk && !TryStartChunk())
            {
                return false;
            }

            if (_offset >= _body.Length)
            {
                return Fail();
            }

            var itemType = _body[_offset];
            if (itemType == (byte)RtcpSdesItemType.End)
            {
                // The null item ends the chunk; skip the rest of the zero padding up to the next 32-bit boundary.
                _offset = (_offset + 4) & ~3;
                if (_offset > _body.Length)
                {
                    return Fail();
                }

                _inChunk = false;
                continue;
            }

            if (_offset + 2 > _body.Length || _offset + 2 + _body[_offset + 1] > _body.Length)
            {
                return Fail();
            }

            int length = _body[_offset + 1];
            ssrc = _chunkSsrc;
            type = (RtcpSdesItemType)itemType;
            value = _body.Slice(_offset + 2, length);
            _offset += 2 + length;
            return true;
        }

        return false;
    }

    private bool TryStartChunk()
    {
        if (_chunksStarted == _chunkCount)
        {
            return false;
        }

        if (_offset + 4 > _body.Length)
        {
            return Fail();
        }

        _chunkSsrc = BinaryPrimitives.ReadUInt32BigEndian(_body[_offset..]);
        _offset += 4;
        _chunksStarted++;
        _inChunk = true;
        return true;
    }

    private bool Fail()
    {
        Status = RtcpParseStatus.BadSourceDescription;
        return false;
    }
}
