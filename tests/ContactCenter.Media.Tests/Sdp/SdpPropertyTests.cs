using ContactCenter.Media.Sdp;
using CsCheck;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Any description the writer can write, the parser reads back to the same bytes.</summary>
public class SdpPropertyTests
{
    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcXYZ019-._!~*+"], 1, 10];

    /// <summary>Free text: printable ASCII and a few multi-byte characters, not ending in whitespace (which the parser trims).</summary>
    private static readonly Gen<string> Text = Gen.String[Gen.Char[" abcxyz0189:/=;,.-_@<>()\"'éßçü中"], 1, 24]
        .Where(s => s[^1] != ' ');

    private static readonly Gen<string?> OptionalText = Gen.Frequency((3, Gen.Const((string?)null)), (1, Text.Select(s => (string?)s)));

    private static readonly Gen<SdpConnection> Connection = Gen.OneOf(
        Token.Select(a => new SdpConnection("IN", "IP4", a)),
        Gen.Select(Token, Gen.Int[0, 255], (a, ttl) => new SdpConnection("IN", "IP4", a, ttl)),
        Gen.Select(Token, Gen.Int[0, 255], Gen.Int[1, 9], (a, ttl, n) => new SdpConnection("IN", "IP4", a, ttl, n)),
        Gen.Select(Token, Gen.Int[1, 9], (a, n) => new SdpConnection("IN", "IP6", a, null, n)),
        Gen.Select(Token, Token, Token, (n, t, a) => new SdpConnection(n, t, a)));

    private static readonly Gen<SdpAttribute> Attribute = Gen.Select(Token, Gen.Frequency(
        (1, Gen.Const((string?)null)), (1, Gen.Const((string?)"")), (4, Text.Select(s => (string?)s))), (n, v) => new SdpAttribute(n, v));

    private static readonly Gen<SdpBandwidth> Bandwidth = Gen.Select(Token, Gen.ULong, (t, v) => new SdpBandwidth(t, v));

    private static readonly Gen<MediaDescription> Media =
        Gen.Select(Token, Gen.Int[0, 65535], Gen.Frequency((4, Gen.Const((int?)null)), (1, Gen.Int[1, 65535].Select(i => (int?)i))), Token, Token.Array[0, 6])
        .Select(Gen.Select(OptionalText, Connection.Array[0, 2], Bandwidth.Array[0, 2], OptionalText, Attribute.Array[0, 8]),
            (m, rest) => new MediaDescription
            {
                MediaType = m.Item1,
                Port = m.Item2,
                PortCount = m.Item3,
                Protocol = m.Item4,
                Formats = m.Item5,
                Information = rest.Item1,
                Connections = rest.Item2,
                Bandwidths = rest.Item3,
                EncryptionKey = rest.Item4,
                Attributes = rest.Item5,
            });

    private static readonly Gen<SdpTiming> Timing = Gen.Select(Gen.ULong, Gen.ULong, Text.Array[0, 2], (a, b, r) => new SdpTiming(a, b) { Repeats = r });

    private static readonly Gen<SessionDescription> Session =
        Gen.Select(Token, Token, Gen.ULong, Token, Text, OptionalText, OptionalText)
        .Select(Gen.Select(Text.Array[0, 2], Text.Array[0, 2], Gen.Frequency((1, Gen.Const((SdpConnection?)null)), (3, Connection.Select(c => (SdpConnection?)c))),
                Bandwidth.Array[0, 2], Timing.Array[1, 2], OptionalText, OptionalText),
            Gen.Select(Attribute.Array[0, 6], Media.Array[0, 4]),
            (o, s, r) => new SessionDescription
            {
                Origin = new SdpOrigin(o.Item1, o.Item2, o.Item3, "IN", o.Item4, o.Item2),
                SessionName = o.Item5,
                Information = o.Item6,
                Uri = o.Item7,
                EmailAddresses = s.Item1,
                PhoneNumbers = s.Item2,
                Connection = s.Item3,
                Bandwidths = s.Item4,
                Timings = s.Item5,
                TimeZones = s.Item6,
                EncryptionKey = s.Item7,
                Attributes = r.Item1,
                Media = r.Item2,
            });

    [Fact]
    public void Written_descriptions_parse_back_to_the_same_bytes()
    {
        Session.Sample(description =>
        {
            var written = SdpWriter.ToArray(description);
            var parsed = SdpParser.Parse(written);
            Assert.True(parsed.IsSuccess, parsed + "\n" + System.Text.Encoding.UTF8.GetString(written));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(written), System.Text.Encoding.UTF8.GetString(SdpWriter.ToArray(parsed.Description!)));
            Assert.Equal(description.Media.Count, parsed.Description!.Media.Count);
            Assert.Equal(description.Origin, parsed.Description.Origin);
        }, iter: 5_000);
    }
}
