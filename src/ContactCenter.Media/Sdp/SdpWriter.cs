using System.Buffers;
using System.Buffers.Text;
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
    // One growing buffer per thread for ToArray: a description is written into it and copied out once, so writing an
    // offer or answer allocates only the returned array (it was ≈ 10 KB of strings and builders per call).
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    private const int KeptBufferBytes = 16 * 1024;

    /// <summary>The description as a new byte array.</summary>
    /// <exception cref="ArgumentException">A value would break the line structure.</exception>
    public static byte[] ToArray(SessionDescription description)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        t_buffer = null; // a description written while this one is (never today) gets its own buffer
        buffer.ResetWrittenCount();
        try
        {
            Write(description, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= KeptBufferBytes)
            {
                t_buffer = buffer;
            }
        }
    }

    /// <summary>Appends the description to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">A value would break the line structure.</exception>
    public static void Write(SessionDescription description, IBufferWriter<byte> output)
    {
        var o = description.Origin;
        Line(output, 'v', "0");
        Start(output, 'o');
        Field(output, o.UserName, "o= user name");
        Space(output);
        Field(output, o.SessionId, "o= session id");
        Space(output);
        Number(output, o.SessionVersion);
        Space(output);
        Field(output, o.NetworkType, "o= network type");
        Space(output);
        Field(output, o.AddressType, "o= address type");
        Space(output);
        Field(output, o.Address, "o= address");
        End(output);
        Line(output, 's', string.IsNullOrEmpty(description.SessionName) ? "-" : description.SessionName, "s=");
        if (description.Information is not null) Line(output, 'i', description.Information, "i=");
        if (description.Uri is not null) Line(output, 'u', description.Uri, "u=");
        foreach (var email in description.EmailAddresses) Line(output, 'e', email, "e=");
        foreach (var phone in description.PhoneNumbers) Line(output, 'p', phone, "p=");
        if (description.Connection is not null) Connection(output, description.Connection);
        foreach (var bandwidth in description.Bandwidths) Bandwidth(output, bandwidth);
        if (description.Timings.Count == 0) Line(output, 't', "0 0");
        foreach (var timing in description.Timings)
        {
            Start(output, 't');
            Number(output, timing.Start);
            Space(output);
            Number(output, timing.Stop);
            End(output);
            foreach (var repeat in timing.Repeats) Line(output, 'r', repeat, "r=");
        }

        if (description.TimeZones is not null) Line(output, 'z', description.TimeZones, "z=");
        if (description.EncryptionKey is not null) Line(output, 'k', description.EncryptionKey, "k=");
        foreach (var attribute in description.Attributes) Attribute(output, attribute);
        foreach (var media in description.Media) WriteMedia(media, output);
    }

    private static void WriteMedia(MediaDescription media, IBufferWriter<byte> output)
    {
        Start(output, 'm');
        Field(output, media.MediaType, "m= media type");
        Space(output);
        Number(output, (ulong)media.Port);
        if (media.PortCount is int count)
        {
            Put(output, "/");
            Number(output, (ulong)count);
        }

        Space(output);
        Field(output, media.Protocol, "m= protocol");
        foreach (var format in media.Formats)
        {
            Space(output);
            Field(output, format, "m= format");
        }

        End(output);
        if (media.Information is not null) Line(output, 'i', media.Information, "i=");
        foreach (var connection in media.Connections) Connection(output, connection);
        foreach (var bandwidth in media.Bandwidths) Bandwidth(output, bandwidth);
        if (media.EncryptionKey is not null) Line(output, 'k', media.EncryptionKey, "k=");
        foreach (var attribute in media.Attributes) Attribute(output, attribute);
    }

    private static void Connection(IBufferWriter<byte> output, SdpConnection c)
    {
        Start(output, 'c');
        Field(output, c.NetworkType, "c= network type");
        Space(output);
        Field(output, c.AddressType, "c= address type");
        Space(output);
        Field(output, c.FormatAddress(), "c= address");
        End(output);
    }

    private static void Bandwidth(IBufferWriter<byte> output, SdpBandwidth b)
    {
        Start(output, 'b');
        Field(output, b.Type, "b= type");
        Put(output, ":");
        Number(output, b.Value);
        End(output);
    }

    private static void Attribute(IBufferWriter<byte> output, SdpAttribute a)
    {
        var name = a.Name ?? throw new ArgumentException("An attribute has no name.");
        if (!SdpSyntax.IsToken(name.AsSpan())) throw new ArgumentException($"Attribute name '{name}' is not a token.");
        if (a.Value is not null && !SdpSyntax.IsLineSafe(a.Value)) throw new ArgumentException($"The a={name} value holds CR, LF or NUL.");
        Start(output, 'a');
        Put(output, name);
        if (a.Value is not null)
        {
            Put(output, ":");
            Put(output, a.Value);
        }

        End(output);
    }

    private static void Field(IBufferWriter<byte> output, string value, string what)
    {
        if (!SdpSyntax.IsField(value)) throw new ArgumentException($"The {what} '{value}' is empty or holds whitespace or control characters.");
        Put(output, value);
    }

    private static void Line(IBufferWriter<byte> output, char type, string value, string? what = null)
    {
        if (what is not null && !SdpSyntax.IsLineSafe(value)) throw new ArgumentException($"The {what} value holds CR, LF or NUL.");
        Start(output, type);
        Put(output, value);
        End(output);
    }

    private static void Start(IBufferWriter<byte> output, char type)
    {
        var span = output.GetSpan(2);
        span[0] = (byte)type;
        span[1] = (byte)'=';
        output.Advance(2);
    }

    private static void End(IBufferWriter<byte> output)
    {
        var span = output.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        output.Advance(2);
    }

    private static void Space(IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = (byte)' ';
        output.Advance(1);
    }

    private static void Put(IBufferWriter<byte> output, string value)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        output.Advance(Encoding.UTF8.GetBytes(value, span));
    }

    private static void Number(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }
}
