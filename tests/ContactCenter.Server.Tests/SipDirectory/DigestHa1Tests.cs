using System.Security.Cryptography;
using System.Text;
using ContactCenter.Server.SipDirectory;

namespace ContactCenter.Server.Tests.SipDirectory;

public sealed class DigestHa1Tests
{
    [Fact]
    public void Md5_ha1_matches_rfc2617_example()
    {
        // RFC 2617 §3.5: HA1 of Mufasa / testrealm@host.com / "Circle Of Life".
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", DigestHa1.Compute("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Ha1_yields_the_rfc7616_example_responses(string algorithm, string expectedResponse)
    {
        // RFC 7616 §3.9.1: the responses are only right if HA1 is.
        var ha1 = DigestHa1.Compute(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");
        var ha2 = Hash(algorithm, "GET:/dir/index.html");

        var response = Hash(algorithm, $"{ha1}:7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:{ha2}");

        Assert.Equal(expectedResponse, response);
    }

    [Fact]
    public void ComputeAll_gives_both_algorithms_in_lower_case_hex()
    {
        var pair = DigestHa1.ComputeAll("Mufasa", "testrealm@host.com", "Circle Of Life");

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", pair.Md5Hex);
        Assert.Equal(DigestHa1.Compute("SHA-256", "Mufasa", "testrealm@host.com", "Circle Of Life"), pair.Sha256Hex);
        Assert.Matches("^[0-9a-f]{64}$", pair.Sha256Hex);
        Assert.Equal(pair.Sha256Hex, pair.ForAlgorithm("sha-256"));
        Assert.Null(pair.ForAlgorithm("SHA-512-256"));
    }

    [Fact]
    public void Unsupported_algorithm_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DigestHa1.Compute("SHA-1", "u", "r", "p"));
    }

    private static string Hash(string algorithm, string text) => algorithm == "MD5"
        ? Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)))
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
