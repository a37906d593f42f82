using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Sip.Tests.Usages.Client;

public sealed class RegistrationTimingTests
{
    [Theory]
    [InlineData(3600, 3568)]
    [InlineData(120, 88)]
    [InlineData(60, 30)]
    [InlineData(10, 5)]
    [InlineData(1, 1)]
    public void Refresh_is_granted_minus_min_32s_or_half(int granted, double expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RegistrationTiming.RefreshDelay(granted));

    [Fact]
    public void Retries_double_from_30s_and_cap_at_5_minutes()
    {
        var first = TimeSpan.FromSeconds(30);
        var max = TimeSpan.FromMinutes(5);
        var delays = Enumerable.Range(1, 7).Select(n => RegistrationTiming.RetryDelay(n, null, first, max, 0.2, 0.0).TotalSeconds);
        Assert.Equal([30, 60, 120, 240, 300, 300, 300], delays);
        Assert.Equal(300, RegistrationTiming.RetryDelay(1000, null, first, max, 0.2, 0.0).TotalSeconds);
    }

    [Fact]
    public void Jitter_shortens_by_at_most_its_fraction()
    {
        var d = RegistrationTiming.RetryDelay(2, null, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 0.2, 0.999999);
        Assert.InRange(d.TotalSeconds, 48.0, 48.01);
    }

    [Fact]
    public void A_longer_retry_after_wins_but_is_bounded()
    {
        var first = TimeSpan.FromSeconds(30);
        var max = TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.FromSeconds(600), RegistrationTiming.RetryDelay(1, TimeSpan.FromSeconds(600), first, max, 0, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), RegistrationTiming.RetryDelay(1, TimeSpan.FromSeconds(5), first, max, 0, 0));
        Assert.Equal(RegistrationTiming.MaxRetryAfter, RegistrationTiming.RetryDelay(1, TimeSpan.FromDays(3), first, max, 0, 0));
    }
}
