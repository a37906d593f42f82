using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestCredentialsParserTests
{
    // RFC 7616 §3.9.1, SHA-256 variant, as the RFC lays it out (folded lines).
    private const string Rfc7616Sha256 =
        "Digest username=\"Mufasa\",\r\n" +
        "       realm=\"http-auth@example.org\",\r\n" +
        "       uri=\"/dir/index.html\",\r\n" +
        "       algorithm=SHA-256,\r\n" +
        "       nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n" +
        "       nc=00000001,\r\n" +
        "       cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\",\r\n" +
        "       qop=auth,\r\n" +
        "       response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\",\r\n" +
        "       opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private const string Minimal = "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"";

    [Fact]
    public void Parses_the_rfc7616_example_and_its_fields_reproduce_the_response()
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes(Rfc7616Sha256), out DigestCredentials c, out DigestParseError error));

        Assert.Equal(DigestParseError.None, error);
        Assert.Equal("Mufasa", c.Username.ToString());
        Assert.Equal("http-auth@example.org", c.Realm.ToString());
        Assert.Equal("/dir/index.html", c.Uri.ToString());
        Assert.Equal("SHA-256", c.Algorithm.ToString());
        Assert.Equal("auth", c.Qop.ToString());
        Assert.Equal(1u, c.NonceCount);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", c.Opaque.ToString());
        Assert.True(DigestAlgorithms.TryParse(c.Algorithm.Raw, out DigestAlgorithm algorithm));
        string ha1 = DigestHash.ComputeHa1(algorithm, c.Username.ToString(), c.Realm.ToString(), "Circle of Life");
        string expected = DigestHash.ComputeResponse(
            algorithm, ha1, c.Nonce.ToString(), "GET", c.Uri.ToString(), c.Qop.ToString(), c.NonceCountText.ToString(), c.Cnonce.ToString());
        Assert.Equal(expected, c.Response.ToString());
    }

    [Fact]
    public void Parses_sipp_style_without_spaces()
    {
        const string value = "Digest username=\"1000\",realm=\"example.com\",cnonce=\"6b8b4567\",nc=00000001,qop=auth,"
            + "uri=\"sip:127.0.0.1:5060\",nonce=\"abc\",response=\"0123456789abcdef0123456789abcdef\",algorithm=MD5";

        Assert.True(DigestCredentialsParser.TryParse(Bytes(value), out DigestCredentials c, out _));

        Assert.Equal("1000", c.Username.ToString());
        Assert.Equal("sip:127.0.0.1:5060", c.Uri.ToString());
        Assert.Equal("6b8b4567", c.Cnonce.ToString());
        Assert.Equal("MD5", c.Algorithm.ToString());
    }

    [Theory]
    [InlineData("Digest   username =  \"a\" ,realm= \"r\"\t,\tnonce=\"n\",uri =\"sip:r\" , response=\"00\"  ")]
    [InlineData("  digest username=\"a\",\r\n realm=\"r\",\r\n\tnonce=\"n\",uri=\"sip:r\",response=\"00\"")]
    [InlineData("DIGEST UserName=\"a\", REALM=\"r\", Nonce=\"n\", URI=\"sip:r\", Response=\"00\"")]
    [InlineData("Digest ,username=\"a\",, realm=\"r\", ,nonce=\"n\", uri=\"sip:r\", response=\"00\",")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=sip:r, response=00")]
    public void Tolerates_whitespace_folds_case_empty_elements_and_token_values(string value)
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes(value), out DigestCredentials c, out DigestParseError error), error.ToString());

        Assert.Equal("a", c.Username.ToString());
        Assert.Equal("r", c.Realm.ToString());
        Assert.Equal("n", c.Nonce.ToString());
        Assert.Equal("sip:r", c.Uri.ToString());
        Assert.Equal("00", c.Response.ToString());
    }

    [Fact]
    public void Quoted_strings_keep_escapes_until_read()
    {
        const string value = "Digest username=\"Mu\\\"fa\\\\sa\", realm=\"a, b=c\", nonce=\"n\", uri=\"sip:r\", response=\"00\"";

        Assert.True(DigestCredentialsParser.TryParse(Bytes(value), out DigestCredentials c, out _));

        Assert.True(c.Username.IsEscaped);
        Assert.Equal("Mu\\\"fa\\\\sa", Encoding.UTF8.GetString(c.Username.Raw));
        Assert.Equal("Mu\"fa\\sa", c.Username.ToString());
        Assert.True(c.Username.ValueEquals("Mu\"fa\\sa"u8));
        Assert.False(c.Username.ValueEquals("Mu\"fa\\s"u8));
        Assert.False(c.Realm.IsEscaped);
        Assert.Equal("a, b=c", c.Realm.ToString());
    }

    [Fact]
    public void Unknown_parameters_are_skipped_even_when_repeated()
    {
        const string value = "Digest x-foo=1, username=\"a\", x-foo=\"2\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", charset=UTF-8";

        Assert.True(DigestCredentialsParser.TryParse(Bytes(value), out DigestCredentials c, out _));
        Assert.Equal("a", c.Username.ToString());
    }

    [Theory]
    [InlineData("Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", NONCE=\"m\", uri=\"sip:r\", response=\"00\"")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", response=\"00\"")]
    public void Duplicate_known_parameters_are_rejected(string value)
    {
        Assert.False(DigestCredentialsParser.TryParse(Bytes(value), out _, out DigestParseError error));
        Assert.Equal(DigestParseError.DuplicateParameter, error);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"", DigestParseError.MissingUsername)]
    [InlineData("Digest username=\"a\", nonce=\"n\", uri=\"sip:r\", response=\"00\"", DigestParseError.MissingRealm)]
    [InlineData("Digest username=\"a\", realm=\"r\", uri=\"sip:r\", response=\"00\"", DigestParseError.MissingNonce)]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", response=\"00\"", DigestParseError.MissingUri)]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\"", DigestParseError.MissingResponse)]
    [InlineData(Minimal + ", qop=auth, nc=00000001", DigestParseError.MissingCnonce)]
    [InlineData(Minimal + ", qop=auth, cnonce=\"c\"", DigestParseError.MissingNonceCount)]
    [InlineData(Minimal + ", qop=auth, cnonce=\"c\", nc=0000001", DigestParseError.InvalidNonceCount)]
    [InlineData(Minimal + ", qop=auth, cnonce=\"c\", nc=000000001", DigestParseError.InvalidNonceCount)]
    [InlineData(Minimal + ", qop=auth, cnonce=\"c\", nc=0000000g", DigestParseError.InvalidNonceCount)]
    [InlineData(Minimal + ", nc=\"0000\\001\"", DigestParseError.InvalidNonceCount)]
    [InlineData("Digest", DigestParseError.MissingUsername)]
    [InlineData("Digest   ", DigestParseError.MissingUsername)]
    public void Missing_or_invalid_parameters_are_named(string value, DigestParseError expected)
    {
        Assert.False(DigestCredentialsParser.TryParse(Bytes(value), out _, out DigestParseError error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("NoOneKnowsThisScheme opaque-data=here")] // RFC 4475 §3.3.7 regaut01
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Digestusername=\"a\"")]
    public void Other_schemes_are_not_digest(string value)
    {
        Assert.False(DigestCredentialsParser.TryParse(Bytes(value), out _, out DigestParseError error));
        Assert.Equal(DigestParseError.UnknownScheme, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    public void Blank_values_are_empty(string value)
    {
        Assert.False(DigestCredentialsParser.TryParse(Bytes(value), out _, out DigestParseError error));
        Assert.Equal(DigestParseError.Empty, error);
    }

    [Theory]
    [InlineData("Digest username=\"a")] // unterminated quoted string
    [InlineData("Digest username=\"a\\")] // backslash at the end
    [InlineData("Digest username=\"a\\\r\n b\", realm=\"r\"")] // quoted-pair may not escape CR
    [InlineData("Digest username=\"a\u0001b\", realm=\"r\"")] // control byte in a quoted string
    [InlineData("Digest username")] // no '='
    [InlineData("Digest username=")] // no value
    [InlineData("Digest username=,realm=\"r\"")]
    [InlineData("Digest username=\"a\" realm=\"r\"")] // missing comma
    [InlineData("Digest username=\"a\"x, realm=\"r\"")]
    [InlineData("Digest =\"a\"")]
    [InlineData("Digest,username=\"a\"")]
    [InlineData("Digest username=a\"b")]
    [InlineData("\"Digest\" username=\"a\"")]
    public void Broken_syntax_is_a_syntax_error(string value)
    {
        Assert.False(DigestCredentialsParser.TryParse(Bytes(value), out _, out DigestParseError error));
        Assert.Equal(DigestParseError.Syntax, error);
    }

    [Theory]
    [InlineData("userhash=true", true)]
    [InlineData("userhash=TRUE", true)]
    [InlineData("userhash=\"true\"", true)]
    [InlineData("userhash=false", false)]
    [InlineData("userhash=yes", false)]
    public void Reads_userhash(string parameter, bool expected)
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes(Minimal + ", " + parameter), out DigestCredentials c, out _));
        Assert.Equal(expected, c.UserHash);
    }

    [Fact]
    public void Reads_nc_as_hex_in_either_case_and_keeps_the_text_for_hashing()
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes(Minimal + ", qop=auth, cnonce=\"c\", nc=\"000000Ff\""), out DigestCredentials c, out _));

        Assert.Equal(255u, c.NonceCount);
        Assert.Equal("000000Ff", c.NonceCountText.ToString());
    }

    [Fact]
    public void Absent_parameters_are_not_present()
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes(Minimal), out DigestCredentials c, out _));

        Assert.False(c.Qop.IsPresent);
        Assert.False(c.Algorithm.IsPresent);
        Assert.True(c.Algorithm.Raw.IsEmpty);
        Assert.Equal(string.Empty, c.Cnonce.ToString());
        Assert.Equal(0u, c.NonceCount);
    }

    [Fact]
    public void Empty_quoted_values_are_present()
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes("Digest username=\"\", realm=\"\", nonce=\"\", uri=\"\", response=\"\""), out DigestCredentials c, out _));

        Assert.True(c.Username.IsPresent);
        Assert.Equal(string.Empty, c.Username.ToString());
    }

    [Fact]
    public void Utf8_usernames_decode()
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes("Digest username=\"José\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\""), out DigestCredentials c, out _));
        Assert.Equal("José", c.Username.ToString());
    }

    [Fact]
    public void Every_prefix_of_a_valid_value_is_handled_and_only_complete_ones_parse()
    {
        byte[] full = Bytes(Rfc7616Sha256);
        int responseEnd = Rfc7616Sha256.IndexOf("cb6c1\"", StringComparison.Ordinal) + 6;
        int opaqueStart = Rfc7616Sha256.IndexOf("opaque=", StringComparison.Ordinal);
        for (int length = 0; length <= full.Length; length++)
        {
            bool parsed = DigestCredentialsParser.TryParse(full.AsSpan(0, length), out _, out DigestParseError error);

            // Complete once the response's closing quote is in; a cut inside the trailing opaque parameter is broken syntax.
            bool expected = length >= responseEnd && (length <= opaqueStart || length == full.Length);
            Assert.True(expected == parsed, $"prefix of {length} bytes: {error}");
        }
    }

    [Fact]
    public void CopyValueTo_refuses_a_short_destination()
    {
        Assert.True(DigestCredentialsParser.TryParse(Bytes(Minimal.Replace("username=\"a\"", "username=\"a\\\"bc\"")), out DigestCredentials c, out _));
        byte[] shortBuffer = new byte[2];
        DigestParam username = c.Username;
        bool threw = false;
        try
        {
            username.CopyValueTo(shortBuffer);
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    internal static byte[] Bytes(string value) => Encoding.UTF8.GetBytes(value);
}
