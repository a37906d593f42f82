using ContactCenter.Server.SipDirectory;

namespace ContactCenter.Server.Tests.SipDirectory;

public sealed class ExtensionDirectoryTests
{
    private readonly ExtensionDirectory _directory = new(
        new SipProfileCatalog("/profiles", []),
        [
            new(new ExtensionInfo("1001", "Reception", "office", "office.example"), DigestHa1.ComputeAll("1001", "office.example", "secret-1")),
            new(new ExtensionInfo("2001", null, "branch", "branch.example"), DigestHa1.ComputeAll("2001", "branch.example", "secret-2")),
        ]);

    [Fact]
    public void Finds_extension_with_profile_and_display_name()
    {
        Assert.True(_directory.TryGetExtension("1001", out var info));
        Assert.Equal(new ExtensionInfo("1001", "Reception", "office", "office.example"), info);
        Assert.False(_directory.TryGetExtension("1009", out _));
        Assert.Equal(["1001", "2001"], _directory.Extensions.Select(extension => extension.Number));
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("md5")]
    [InlineData("SHA-256")]
    [InlineData("sha-256")]
    public void Returns_ha1_for_known_user_realm_and_algorithm(string algorithm)
    {
        Assert.True(_directory.TryGetHa1("1001", "office.example", algorithm, out var ha1));
        Assert.Equal(DigestHa1.Compute(algorithm.ToUpperInvariant(), "1001", "office.example", "secret-1"), ha1);
    }

    [Theory]
    [InlineData("1009", "office.example", "MD5")]
    [InlineData("1001", "branch.example", "MD5")]
    [InlineData("1001", "OFFICE.EXAMPLE", "MD5")]
    [InlineData("1001", "office.example", "SHA-512-256")]
    [InlineData("1001", "office.example", "MD5-sess")]
    public void Refuses_unknown_user_foreign_realm_or_unoffered_algorithm(string user, string realm, string algorithm)
    {
        Assert.False(_directory.TryGetHa1(user, realm, algorithm, out var ha1));
        Assert.Null(ha1);
    }

    [Fact]
    public void Concurrent_lookups_all_succeed()
    {
        var failures = 0;
        Parallel.For(0, 10_000, i =>
        {
            var number = i % 2 == 0 ? "1001" : "2001";
            var realm = i % 2 == 0 ? "office.example" : "branch.example";
            if (!_directory.TryGetHa1(number, realm, "SHA-256", out _))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
