using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Vectors;

internal static class VectorAssert
{
    public static SipMessage Parses(byte[] bytes)
    {
        Assert.True(SipMessageParser.TryParse(bytes, out var message, out var error), error.ToString());
        Assert.Equal(SipParseError.None, SipMessageValidator.Validate(message!));
        return message!;
    }

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static List<string> Values(SipMessage message, HeaderId id)
    {
        var list = new List<string>();
        foreach (var v in message.GetValues(id)) list.Add(Text(v));
        return list;
    }

    public static List<ViaHeader> Vias(SipMessage message)
    {
        var list = new List<ViaHeader>();
        foreach (var v in message.GetValues(HeaderId.Via))
        {
            Assert.True(ViaHeader.TryParse(v, out var via), Text(v));
            list.Add(via);
        }
        return list;
    }

    public static List<NameAddress> Addresses(SipMessage message, HeaderId id)
    {
        var list = new List<NameAddress>();
        foreach (var v in message.GetValues(id))
        {
            Assert.True(NameAddress.TryParse(v, out var address), Text(v));
            list.Add(address);
        }
        return list;
    }

    public static NameAddress Address(SipMessage message, HeaderId id)
    {
        Assert.True(message.TryGetHeader(id, out var value));
        Assert.True(NameAddress.TryParse(value, out var address), Text(value));
        return address;
    }

    public static string Header(SipMessage message, string name)
    {
        Assert.True(message.TryGetHeader(Encoding.UTF8.GetBytes(name), out var value), name);
        return Text(value);
    }
}
