using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>
/// Netstring framing as baresip's ctrl_tcp speaks it: <c>LENGTH ":" PAYLOAD ","</c>.
/// Finding a frame is separate from parsing its JSON; an incomplete frame consumes nothing.
/// </summary>
internal static class Netstring
{
    /// <summary>Larger frames are treated as a broken stream rather than buffered.</summary>
    public const int MaxPayloadLength = 1024 * 1024;

    private const int MaxLengthDigits = 7;

    /// <summary>
    /// Finds the first frame in <paramref name="buffer"/>. Returns false when more bytes are needed;
    /// throws <see cref="InvalidDataException"/> when the bytes cannot be a netstring.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> payload, out int consumed)
    {
        payload = default;
        consumed = 0;
        var colon = buffer.IndexOf((byte)':');
        var digits = colon < 0 ? buffer : buffer[..colon];
        if (digits.Length > MaxLengthDigits || (colon == 0))
        {
            throw new InvalidDataException($"Netstring length prefix is empty or longer than {MaxLengthDigits} digits.");
        }
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                throw new InvalidDataException($"Netstring length prefix holds a non-digit (0x{digit:X2}).");
            }
        }
        if (colon < 0)
        {
            return false;
        }
        if (!Utf8Parser.TryParse(digits, out int length, out _) || length > MaxPayloadLength)
        {
            throw new InvalidDataException($"Netstring length exceeds {MaxPayloadLength} bytes.");
        }
        var end = colon + 1 + length;
        if (buffer.Length <= end)
        {
            return false;
        }
        if (buffer[end] != (byte)',')
        {
            throw new InvalidDataException("Netstring payload is not followed by ','.");
        }
        payload = buffer.Slice(colon + 1, length);
        consumed = end + 1;
        return true;
    }

    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        var prefix = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":");
        var frame = new byte[prefix.Length + payload.Length + 1];
        prefix.CopyTo(frame, 0);
        payload.CopyTo(frame.AsSpan(prefix.Length));
        frame[^1] = (byte)',';
        return frame;
    }
}
