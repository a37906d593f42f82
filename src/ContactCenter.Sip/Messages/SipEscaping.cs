using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>%HH escapes of URIs (RFC 3261 §19.1.2, §25.1 "escaped").</summary>
public static class SipEscaping
{
    /// <summary>Decodes %HH escapes; a % not followed by two hex digits is kept as it is (RFC 4475 §3.1.1.5).</summary>
    public static string Unescape(ReadOnlySpan<byte> value)
    {
        if (value.IndexOf((byte)'%') < 0) return Encoding.UTF8.GetString(value);
        Span<byte> buffer = value.Length <= 512 ? stackalloc byte[value.Length] : new byte[value.Length];
        int n = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == (byte)'%' && i + 2 < value.Length &&
                SipSyntax.HexDigits.Contains(value[i + 1]) && SipSyntax.HexDigits.Contains(value[i + 2]))
            {
                buffer[n++] = (byte)(HexValue(value[i + 1]) << 4 | HexValue(value[i + 2]));
                i += 2;
            }
            else buffer[n++] = value[i];
        }
        return Encoding.UTF8.GetString(buffer[..n]);
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
