using System.Security.Cryptography;
using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestHashTests
{
    // RFC 7616 §3.9.1 (password "Circle of Life" with a lower-case "of", errata 4495).
    private const string Rfc7616Realm = "http-auth@example.org";
    private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_example_responses(DigestAlgorithm algorithm, string expected)
    {
        string ha1 = DigestHash.ComputeHa1(algorithm, "Mufasa", Rfc7616Realm, "Circle of Life");

        string response = DigestHash.ComputeResponse(algorithm, ha1, Rfc7616Nonce, "GET", "/dir/index.html", "auth", "00000001", Rfc7616Cnonce);

        Assert.Equal(expected, response);
    }

    [Fact]
    public void Rfc2617_example_ha1_and_response()
    {
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        string response = DigestHash.ComputeResponse(
            DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", ha1);
        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Rfc2069_form_without_qop_matches_the_corrected_example()
    {
        // RFC 2069 §2.4 prints e966c932…; its erratum gives the correct value used here.
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "CircleOfLife");

        string response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html");

        Assert.Equal("1949323746fe6a43ef61f9606e7febea", response);
    }

    [Fact]
    public void Upper_case_ha1_is_hashed_as_lower_case()
    {
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        string response = DigestHash.ComputeResponse(
            DigestAlgorithm.Md5, ha1.ToUpperInvariant(), "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    public void Inputs_longer_than_the_stack_buffer_hash_like_a_plain_concatenation(DigestAlgorithm algorithm)
    {
        string user = new('u', 700), realm = new('r', 300), password = new('p', 900);
        string nonce = new('n', 600), cnonce = new('c', 600), uri = "sip:" + new string('h', 800);

        string ha1 = DigestHash.ComputeHa1(algorithm, user, realm, password);
        string response = DigestHash.ComputeResponse(algorithm, ha1, nonce, "REGISTER", uri, "auth", "0000000a", cnonce);

        string expectedHa1 = Reference(algorithm, $"{user}:{realm}:{password}");
        string expectedHa2 = Reference(algorithm, $"REGISTER:{uri}");
        Assert.Equal(expectedHa1, ha1);
        Assert.Equal(Reference(algorithm, $"{expectedHa1}:{nonce}:0000000a:{cnonce}:auth:{expectedHa2}"), response);
    }

    [Fact]
    public void Ha1_of_utf8_credentials_hashes_utf8_bytes()
    {
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Sha256, "José", "ex.com", "pässwörd");

        Assert.Equal(Reference(DigestAlgorithm.Sha256, "José:ex.com:pässwörd"), ha1);
    }

    private static string Reference(DigestAlgorithm algorithm, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(algorithm == DigestAlgorithm.Md5 ? MD5.HashData(bytes) : SHA256.HashData(bytes));
    }
}
