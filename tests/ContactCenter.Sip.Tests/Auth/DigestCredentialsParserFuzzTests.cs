using System.Text;
using ContactCenter.Sip.Auth;
using CsCheck;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestCredentialsParserFuzzTests
{
    private static readonly string[] Fragments =
    [
        "Digest", "digest", " ", "\t", "\r\n ", ",", "=", "\"", "\\", "\\\"", "username", "realm", "nonce", "uri",
        "response", "algorithm", "cnonce", "opaque", "qop", "nc", "userhash", "auth", "MD5", "SHA-256", "00000001",
        "true", "sip:a@b", "x", "é", "\u0001", "\u007f", "@", ";",
    ];

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            bool parsed = DigestCredentialsParser.TryParse(bytes, out DigestCredentials credentials, out DigestParseError error);
            Assert.Equal(parsed, error == DigestParseError.None);
            if (parsed)
            {
                _ = credentials.Username.ToString();
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Random_sequences_of_grammar_fragments_never_throw_and_parse_only_complete_credentials()
    {
        Gen.OneOf<string>(Fragments).Array[0, 60].Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts))).Sample(bytes =>
        {
            if (DigestCredentialsParser.TryParse(bytes, out DigestCredentials c, out _))
            {
                Assert.True(c.Username.IsPresent && c.Realm.IsPresent && c.Nonce.IsPresent && c.Uri.IsPresent && c.Response.IsPresent);
                Span<byte> scratch = new byte[bytes.Length];
                Assert.True(c.Username.CopyValueTo(scratch) <= c.Username.Raw.Length);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Any_printable_username_survives_escaping_and_parsing()
    {
        Gen.String[Gen.Char[' ', '~'], 0, 40].Sample(user =>
        {
            string value = $"Digest username=\"{DigestTestClient.Escape(user)}\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"";
            Assert.True(DigestCredentialsParser.TryParse(Encoding.UTF8.GetBytes(value), out DigestCredentials c, out DigestParseError error), error.ToString());
            Assert.Equal(user, c.Username.ToString());
            Assert.True(c.Username.ValueEquals(Encoding.UTF8.GetBytes(user)));
        }, iter: 5_000);
    }
}
