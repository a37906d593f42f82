using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestChallengeTests
{
    [Fact]
    public void Formats_the_sha256_challenge()
    {
        var challenge = new DigestChallenge("example.com", "abc", DigestAlgorithm.Sha256);

        Assert.Equal("Digest realm=\"example.com\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth\"", challenge.ToString());
    }

    [Fact]
    public void Formats_opaque_and_stale()
    {
        var challenge = new DigestChallenge("example.com", "abc", DigestAlgorithm.Md5, stale: true, opaque: "xyz");

        Assert.Equal("Digest realm=\"example.com\", nonce=\"abc\", opaque=\"xyz\", algorithm=MD5, qop=\"auth\", stale=true", challenge.ToString());
    }

    [Fact]
    public void Escapes_quotes_and_backslashes_and_keeps_utf8()
    {
        var challenge = new DigestChallenge("a \"b\" \\ ç", "n", DigestAlgorithm.Md5);

        Assert.StartsWith("Digest realm=\"a \\\"b\\\" \\\\ ç\", nonce=\"n\"", challenge.ToString());
    }

    [Fact]
    public void TryFormat_writes_the_same_bytes_and_refuses_a_short_buffer()
    {
        var challenge = new DigestChallenge("example.com", "abc", DigestAlgorithm.Sha256, stale: true, opaque: "o");
        byte[] buffer = new byte[challenge.GetMaxByteCount()];

        Assert.True(challenge.TryFormat(buffer, out int written));
        Assert.Equal(challenge.ToString(), Encoding.UTF8.GetString(buffer, 0, written));
        Assert.False(challenge.TryFormat(buffer.AsSpan(0, written - 1), out _));
    }

    [Theory]
    [InlineData("evil\r\nX-Injected: 1")]
    [InlineData("nul\0")]
    public void Control_characters_cannot_reach_the_header(string realm)
    {
        Assert.Throws<ArgumentException>(() => new DigestChallenge(realm, "n", DigestAlgorithm.Md5));
        Assert.Throws<ArgumentException>(() => new DigestChallenge("r", "n", DigestAlgorithm.Md5, opaque: realm));
    }

    [Fact]
    public void Has_value_equality()
    {
        Assert.Equal(new DigestChallenge("r", "n", DigestAlgorithm.Md5), new DigestChallenge("r", "n", DigestAlgorithm.Md5));
        Assert.NotEqual(new DigestChallenge("r", "n", DigestAlgorithm.Md5), new DigestChallenge("r", "n", DigestAlgorithm.Md5, stale: true));
    }
}
