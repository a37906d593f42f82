using System.Text;
using ContactCenter.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Auth;

public class NonceServiceTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a test secret of 32 bytes length");

    [Fact]
    public void A_fresh_nonce_is_valid_base64url_of_fixed_length()
    {
        var service = new NonceService(new FakeTimeProvider(), secret: Secret);

        string nonce = service.Create("example.com");

        Assert.Equal(NonceService.NonceLength, nonce.Length);
        Assert.All(nonce, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.Equal(NonceStatus.Valid, service.Validate(nonce, "example.com"));
    }

    [Fact]
    public void Nonces_are_unique()
    {
        var service = new NonceService(new FakeTimeProvider(), secret: Secret);

        var nonces = Enumerable.Range(0, 1000).Select(_ => service.Create("example.com")).ToHashSet();

        Assert.Equal(1000, nonces.Count);
    }

    [Fact]
    public void A_nonce_is_valid_for_its_lifetime_and_stale_after()
    {
        var time = new FakeTimeProvider();
        var service = new NonceService(time, TimeSpan.FromSeconds(30), Secret);
        string nonce = service.Create("example.com");

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(NonceStatus.Valid, service.Validate(nonce, "example.com"));

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(NonceStatus.Stale, service.Validate(nonce, "example.com"));

        time.Advance(TimeSpan.FromDays(400));
        Assert.Equal(NonceStatus.Stale, service.Validate(nonce, "example.com"));
    }

    [Fact]
    public void Validate_returns_the_nonce_identity()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var service = new NonceService(time, secret: Secret);
        byte[] nonce = Encoding.ASCII.GetBytes(service.Create("r"));

        Assert.Equal(NonceStatus.Valid, service.Validate(nonce, "r"u8, out NonceKey first));
        Assert.Equal(NonceStatus.Valid, service.Validate(nonce, "r"u8, out NonceKey again));
        Assert.Equal(NonceStatus.Valid, service.Validate(Encoding.ASCII.GetBytes(service.Create("r")), "r"u8, out NonceKey other));

        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), first.IssuedAtUnixMilliseconds);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_tampered_nonce_is_invalid()
    {
        var service = new NonceService(new FakeTimeProvider(), secret: Secret);
        char[] nonce = service.Create("example.com").ToCharArray();

        for (int i = 0; i < nonce.Length - 1; i++) // the last character carries two padding bits
        {
            char[] tampered = (char[])nonce.Clone();
            tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
            Assert.Equal(NonceStatus.Invalid, service.Validate(new string(tampered), "example.com"));
        }
    }

    [Fact]
    public void A_forged_timestamp_cannot_refresh_a_stale_nonce()
    {
        var time = new FakeTimeProvider();
        var service = new NonceService(time, TimeSpan.FromSeconds(30), Secret);
        string stale = service.Create("example.com");
        time.Advance(TimeSpan.FromMinutes(5));
        byte[] raw = System.Buffers.Text.Base64Url.DecodeFromChars(stale);

        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(raw, time.GetUtcNow().ToUnixTimeMilliseconds());

        Assert.Equal(NonceStatus.Invalid, service.Validate(System.Buffers.Text.Base64Url.EncodeToString(raw), "example.com"));
    }

    [Fact]
    public void A_nonce_of_another_realm_or_secret_is_invalid()
    {
        var time = new FakeTimeProvider();
        var service = new NonceService(time, secret: Secret);
        var restarted = new NonceService(time);
        var sibling = new NonceService(time, secret: Secret);
        string nonce = service.Create("a.example.com");

        Assert.Equal(NonceStatus.Invalid, service.Validate(nonce, "b.example.com"));
        Assert.Equal(NonceStatus.Invalid, restarted.Validate(nonce, "a.example.com"));
        Assert.Equal(NonceStatus.Valid, sibling.Validate(nonce, "a.example.com"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")] // RFC 7616's nonce: 44 characters, '/'
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA=AAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_invalid(string nonce)
    {
        var service = new NonceService(new FakeTimeProvider(), secret: Secret);

        Assert.Equal(NonceStatus.Invalid, service.Validate(nonce, "example.com"));
    }

    [Fact]
    public void Long_realms_work()
    {
        var service = new NonceService(new FakeTimeProvider(), secret: Secret);
        string realm = new('r', 2000);

        Assert.Equal(NonceStatus.Valid, service.Validate(service.Create(realm), realm));
        Assert.Equal(NonceStatus.Invalid, service.Validate(service.Create(realm), realm + "x"));
    }

    [Fact]
    public void Rejects_weak_configuration()
    {
        Assert.Throws<ArgumentException>(() => new NonceService(new FakeTimeProvider(), secret: new byte[15]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonceService(new FakeTimeProvider(), TimeSpan.Zero));
    }
}
