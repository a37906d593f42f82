using System.Buffers;
using System.Globalization;
using System.Text;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Writes a description as UTF-8 with CRLF line ends, in RFC 8866 order (v o s i u e p c b t r z k a, then each
/// media section: m i c b k a). A description read by <see cref="SdpParser"/> from canonical input writes back byte
/// for byte; writing is idempotent after one parse/write pass. A missing <c>s=</c> is written <c>s=-</c>, missing
/// timing <c>t=0 0</c>.
/// Values that would break the line structure (CR, LF or NUL in text; whitespace inside a field of o=, c=, m=, b=;
/// an attribute name that is not a token) throw <see cref="ArgumentException"/>: parsed descriptions never hold
/// them, so this only guards descriptions built in code against line injection.
/// </summary>
public static class SdpWriter
{
    /// <summary>The description as a new byte array.</summary>
    /// <exception cref="ArgumentException">A value would break the line structure.</exception>
    public static byte[] ToArray(SessionDescription description)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(description, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the description to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">A value would break the line structure.</exception>
    public static void Write(SessionDescription description, IBufferWriter<byte> output)
    {
        var o = description.Origin;
        Line(output, 'v', "0");
        Line(output, 'o', Fields(o.UserName, o.SessionId, Number(o.SessionVersion), o.NetworkType, o.AddressType, o.Address));
        Line(output, 's', string.IsNullOrEmpty(description.SessionName) ? "-" : Text(description.SessionName, "s="));
        if (description.Information is not null) Line(output, 'i', Text(description.Information, "i="));
        if (description.Uri is not null) Line(output, 'u', Text(description.Uri, "u="));
        foreach (var email in description.EmailAddresses) Line(output, 'e', Text(email, "e="));
        foreach (var phone in description.PhoneNumbers) Line(output, 'p', Text(phone, "p="));
        if (description.Connection is not null) Line(output, 'c', Connection(description.Connection));
        foreach (var bandwidth in description.Bandwidths) Line(output, 'b', Bandwidth(bandwidth));
        if (description.Timings.Count == 0) Line(output, 't', "0 0");
        foreach (var timing in description.Timings)
        {
            Line(output, 't', Fields(Number(timing.Start), Number(timing.Stop)));
            foreach (var repeat in timing.Repeats) Line(output, 'r', Text(repeat, "r="));
        }

        if (description.TimeZones is not null) Line(output, 'z', Text(description.TimeZones, "z="));
        if (description.EncryptionKey is not null) Line(output, 'k', Text(description.EncryptionKey, "k="));
        foreach (var attribute in description.Attributes) Line(output, 'a', Attribute(attribute));
        foreach (var media in description.Media) WriteMedia(media, output);
    }

    private static void WriteMedia(MediaDescription media, IBufferWriter<byte> output)
    {
        var port = media.PortCount is int count ? $"{Number((ulong)media.Port)}/{Number((ulong)count)}" : Number((ulong)media.Port);
        var builder = new StringBuilder(Fields(media.MediaType, port, media.Protocol));
        foreach (var format in media.Formats) builder.Append(' ').Append(Field(format, "m= format"));
        Line(output, 'm', builder.ToString());
        if (media.Information is not null) Line(output, 'i', Text(media.Information, "i="));
        foreach (var connection in media.Connections) Line(output, 'c', Connection(connection));
        foreach (var bandwidth in media.Bandwidths) Line(output, 'b', Bandwidth(bandwidth));
        if (media.EncryptionKey is not null) Line(output, 'k', Text(media.EncryptionKey, "k="));
        foreach (var attribute in media.Attributes) Line(output, 'a', Attribute(attribute));
    }

    private static string Connection(SdpConnection c) => Fields(c.NetworkType, c.AddressType, Field(c.FormatAddress(), "c= address"));

    private static string Bandwidth(SdpBandwidth b) => $"{Field(b.Type, "b= type")}:{Number(b.Value)}";

    private static string Attribute(SdpAttribute a)
    {
        var name = a.Name ?? throw new ArgumentException("An attribute has no name.");
        if (!SdpSyntax.IsToken(name.AsSpan())) throw new ArgumentException($"Attribute name '{name}' is not a token.");
        return a.Value is null ? name : $"{name}:{Text(a.Value, "a=" + name)}";
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fields(params ReadOnlySpan<string> fields)
    {
        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(Field(field, "field"));
        }

        return builder.ToString();
    }

    private static string Field(string value, string what) =>
        SdpSyntax.IsField(value) ? value : throw new ArgumentException($"The {what} '{value}' is empty or holds whitespace or control characters.");

    private static string Text(string value, string what) =>
        SdpSyntax.IsLineSafe(value) ? value : throw new ArgumentException($"The {what} value holds CR, LF or NUL.");

    private static void Line(IBufferWriter<byte> output, char type, string value)
    {
        int length = Encoding.UTF8.GetMaxByteCount(value.Length) + 4;
        var span = output.GetSpan(length);
        span[0] = (byte)type;
        span[1] = (byte)'=';
        int written = Encoding.UTF8.GetBytes(value, span[2..]);
        span[2 + written] = (byte)'\r';
        span[3 + written] = (byte)'\n';
        output.Advance(written + 4);
    }
}
