using System.Buffers.Binary;

namespace ContactCenter.Media.Dtmf;

/// <summary>The 4-octet RFC 4733 §2.3 telephone-event payload: event, end bit, volume and duration.</summary>
/// <param name="EventCode">The event (0..255; 0-16 are DTMF, see <see cref="DtmfDigits"/>).</param>
/// <param name="IsEnd">The E bit: this packet reports the end of the event.</param>
/// <param name="Volume">Power level in −dBm0 (0..63); 10 means −10 dBm0.</param>
/// <param name="Duration">Duration so far, in RTP timestamp units, counted from the event's timestamp.</param>
public readonly record struct TelephoneEventPayload(byte EventCode, bool IsEnd, byte Volume, ushort Duration)
{
    /// <summary>Octets of one event.</summary>
    public const int Length = 4;

    /// <summary>
    /// Reads the first event of <paramref name="payload"/>. False when it is shorter than 4 octets. The reserved bit is
    /// ignored as RFC 4733 requires of receivers.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEventPayload value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEventPayload(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the event into the first 4 octets of <paramref name="destination"/>; false when it is too small.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        destination[0] = EventCode;
        destination[1] = (byte)((IsEnd ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return true;
    }
}
