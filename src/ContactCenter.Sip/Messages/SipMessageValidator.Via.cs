namespace ContactCenter.Sip.Messages;

public static partial class SipMessageValidator
{
    /// <summary>
    /// Every Via value, not only the top one the routing view reads: sent-protocol, sent-by, and the parameters
    /// routing depends on — branch a token, received an IP address with or without brackets (RFC 5118 §4.5), rport
    /// empty or a port (RFC 3581), ttl 0-255, maddr a host.
    /// </summary>
    private static bool IsViaList(ReadOnlyMemory<byte> value)
    {
        if (value.IsEmpty) return false;
        var splitter = new HeaderValueSplitter(value.Span);
        while (splitter.MoveNext())
        {
            if (splitter.Current.IsEmpty) return false;
            if (!ViaHeader.TryParse(value.Slice(splitter.CurrentOffset, splitter.Current.Length), out var via)) return false;
            if (!AreViaParametersValid(via.Parameters)) return false;
        }
        return true;
    }

    private static bool AreViaParametersValid(ReadOnlySpan<byte> parameters)
    {
        foreach (var p in new SipParameterReader(parameters))
        {
            var name = p.Name;
            var v = p.Value;
            bool valid = name.Length switch
            {
                6 when System.Text.Ascii.EqualsIgnoreCase(name, "branch"u8) => SipSyntax.IsToken(v),
                8 when System.Text.Ascii.EqualsIgnoreCase(name, "received"u8) => SipHostPort.IsIpAddress(v),
                5 when System.Text.Ascii.EqualsIgnoreCase(name, "rport"u8) => !p.HasValue || SipSyntax.TryParseUInt(v, 65535, out _),
                3 when System.Text.Ascii.EqualsIgnoreCase(name, "ttl"u8) => SipSyntax.TryParseUInt(v, 255, out _),
                5 when System.Text.Ascii.EqualsIgnoreCase(name, "maddr"u8) => IsHost(v),
                _ => true,
            };
            if (!valid) return false;
        }
        return true;
    }

    private static bool IsHost(ReadOnlySpan<byte> value)
    {
        int i = 0;
        return SipHostPort.TryRead(value, ref i, out _, out int port) && i == value.Length && port == 0;
    }
}
