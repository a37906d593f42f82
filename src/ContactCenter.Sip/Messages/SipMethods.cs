using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Method names to <see cref="SipMethod"/> and back. Method names are case-sensitive (RFC 3261 §7.1).</summary>
public static class SipMethods
{
    private static readonly byte[][] Names =
    [
        [],
        "INVITE"u8.ToArray(), "ACK"u8.ToArray(), "BYE"u8.ToArray(), "CANCEL"u8.ToArray(), "OPTIONS"u8.ToArray(),
        "REGISTER"u8.ToArray(), "PRACK"u8.ToArray(), "SUBSCRIBE"u8.ToArray(), "NOTIFY"u8.ToArray(),
        "PUBLISH"u8.ToArray(), "INFO"u8.ToArray(), "REFER"u8.ToArray(), "MESSAGE"u8.ToArray(), "UPDATE"u8.ToArray(),
    ];

    private static readonly string[] Strings = Names.Select(n => Encoding.ASCII.GetString(n)).ToArray();

    public static SipMethod Parse(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("ACK"u8) => SipMethod.Ack,
        3 when name.SequenceEqual("BYE"u8) => SipMethod.Bye,
        4 when name.SequenceEqual("INFO"u8) => SipMethod.Info,
        5 when name.SequenceEqual("PRACK"u8) => SipMethod.Prack,
        5 when name.SequenceEqual("REFER"u8) => SipMethod.Refer,
        6 when name.SequenceEqual("INVITE"u8) => SipMethod.Invite,
        6 when name.SequenceEqual("CANCEL"u8) => SipMethod.Cancel,
        6 when name.SequenceEqual("NOTIFY"u8) => SipMethod.Notify,
        6 when name.SequenceEqual("UPDATE"u8) => SipMethod.Update,
        7 when name.SequenceEqual("OPTIONS"u8) => SipMethod.Options,
        7 when name.SequenceEqual("PUBLISH"u8) => SipMethod.Publish,
        7 when name.SequenceEqual("MESSAGE"u8) => SipMethod.Message,
        8 when name.SequenceEqual("REGISTER"u8) => SipMethod.Register,
        9 when name.SequenceEqual("SUBSCRIBE"u8) => SipMethod.Subscribe,
        _ => SipMethod.Unknown,
    };

    public static ReadOnlySpan<byte> NameOf(SipMethod method) => Names[(int)method];

    public static string ToName(SipMethod method) => Strings[(int)method];
}
