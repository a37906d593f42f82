using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    // Brazil: national prefix 0, carrier selection codes, mobile ninth digit, international prefix with carrier.
    [InlineData("011 4000-1234", "BR", "+551140001234")]
    [InlineData("+55 11 4000 1234", "BR", "+551140001234")]
    [InlineData("1140001234", "BR", "+551140001234")]
    [InlineData("(11) 4000-1234", "BR", "+551140001234")]
    [InlineData("0 15 11 4000 1234", "BR", "+551140001234")]
    [InlineData("11 98765-4321", "BR", "+5511987654321")]
    [InlineData("+5511987654321;npdi", "BR", "+5511987654321")]
    [InlineData("0021 1 212 555 0123", "BR", "+12125550123")]
    // US: trunk prefix 1, international prefix 011.
    [InlineData("(212) 555-0123", "US", "+12125550123")]
    [InlineData("1 212 555 0123", "US", "+12125550123")]
    [InlineData("212.555.0123", "US", "+12125550123")]
    [InlineData("011 55 11 4000 1234", "US", "+551140001234")]
    [InlineData("+44 20 7946 0958", "US", "+442079460958")]
    public void Numbers_normalize_to_e164_with_the_default_country(string raw, string country, string expected)
    {
        Assert.True(PhoneNumberNormalizer.TryToE164(raw, country, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("190", "BR")]
    [InlineData("911", "US")]
    [InlineData("4000", "BR")]
    [InlineData("1001", "BR")]
    [InlineData("*97", "US")]
    [InlineData("sales", "US")]
    [InlineData("", "BR")]
    [InlineData("+", "BR")]
    [InlineData("12345678901234567890", "BR")]
    [InlineData("2125550123", "XX")]
    public void Short_codes_emergency_numbers_and_non_numbers_are_not_normalized(string raw, string country)
    {
        Assert.False(PhoneNumberNormalizer.TryToE164(raw, country, out var e164));
        Assert.Null(e164);
    }

    [Fact]
    public void Input_longer_than_the_cap_is_rejected_without_parsing()
    {
        Assert.False(PhoneNumberNormalizer.TryToE164(new string('1', 100_000), "BR", out _));
    }

    [Theory]
    [InlineData("+55 11 4000-1234", CallerIdFormat.E164, "BR", "+551140001234")]
    [InlineData("+55 11 4000-1234", CallerIdFormat.National, "BR", "1140001234")]
    [InlineData("011 4000 1234", CallerIdFormat.National, "BR", "1140001234")]
    [InlineData("+1 212 555 0100", CallerIdFormat.National, "US", "2125550100")]
    [InlineData("(212) 555-0100", CallerIdFormat.E164, "US", "+12125550100")]
    [InlineData("4000", CallerIdFormat.E164, "BR", "4000")]
    public void Caller_id_is_formatted_per_trunk(string number, CallerIdFormat format, string country, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.FormatCallerId(number, format, country));
    }

    [Theory]
    [InlineData("011987654321", "BR", "+5511987654321", false, "+5511987654321")]
    [InlineData("2125550123", "US", "+12125550123", false, "+12125550123")]
    [InlineData("anonymous", "BR", null, true, "anonymous")]
    [InlineData("Restricted", "US", null, true, "anonymous")]
    [InlineData("", "US", null, true, "anonymous")]
    [InlineData("4000", "BR", null, false, "4000")]
    public void Inbound_caller_numbers_are_normalized_for_display(string user, string country, string? e164, bool anonymous, string display)
    {
        var caller = PhoneNumberNormalizer.NormalizeCaller(user, country);

        Assert.Equal(user, caller.Raw);
        Assert.Equal(e164, caller.E164);
        Assert.Equal(anonymous, caller.IsAnonymous);
        Assert.Equal(display, caller.Display);
    }

    [Theory]
    [InlineData("190", "BR", true)]
    [InlineData("192", "BR", true)]
    [InlineData("911", "US", true)]
    [InlineData("112", "US", true)]
    [InlineData("1001", "BR", false)]
    [InlineData("911", "XX", false)]
    public void Emergency_numbers_come_from_libphonenumber_short_number_data(string number, string country, bool expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.IsEmergencyNumber(number, country));
    }

    [Fact]
    public void Normalization_is_safe_from_many_threads_at_once()
    {
        (string Raw, string Country, string Expected)[] cases =
        [
            ("011 4000-1234", "BR", "+551140001234"),
            ("(212) 555-0123", "US", "+12125550123"),
            ("020 7946 0958", "GB", "+442079460958"),
            ("030 123456", "DE", "+4930123456"),
        ];
        var failures = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var (raw, country, expected) = cases[i % cases.Length];
            if (!PhoneNumberNormalizer.TryToE164(raw, country, out var e164) || e164 != expected)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
