using System.Net;
using ContactCenter.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Auth;

public class AuthFailureLimiterTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.66");
    private static readonly IPAddress Bystander = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void Blocks_after_max_failures_and_reports_the_block_once()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthFailureLimiter(time, Options(maxFailures: 3));

        Assert.False(limiter.RecordFailure(Attacker));
        Assert.False(limiter.RecordFailure(Attacker));
        Assert.False(limiter.IsBlocked(Attacker));
        Assert.True(limiter.RecordFailure(Attacker));

        Assert.True(limiter.IsBlocked(Attacker));
        Assert.False(limiter.IsBlocked(Bystander));
        Assert.False(limiter.RecordFailure(Attacker));
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(10), limiter.GetBlockedUntil(Attacker));
    }

    [Fact]
    public void The_block_ends_after_its_duration()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthFailureLimiter(time, Options(maxFailures: 2));
        limiter.RecordFailure(Attacker);
        limiter.RecordFailure(Attacker);

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True(limiter.IsBlocked(Attacker));

        time.Advance(TimeSpan.FromTicks(1));
        Assert.False(limiter.IsBlocked(Attacker));
        Assert.Null(limiter.GetBlockedUntil(Attacker));

        // Counting starts over: one failure does not block again.
        Assert.False(limiter.RecordFailure(Attacker));
        Assert.False(limiter.IsBlocked(Attacker));
        Assert.True(limiter.RecordFailure(Attacker));
    }

    [Fact]
    public void Failures_spread_beyond_the_window_do_not_block()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthFailureLimiter(time, Options(maxFailures: 3));

        limiter.RecordFailure(Attacker);
        limiter.RecordFailure(Attacker);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(limiter.RecordFailure(Attacker));
        Assert.False(limiter.RecordFailure(Attacker));

        Assert.False(limiter.IsBlocked(Attacker));
    }

    [Fact]
    public void Success_resets_the_count_but_not_a_block()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthFailureLimiter(time, Options(maxFailures: 3));
        limiter.RecordFailure(Attacker);
        limiter.RecordFailure(Attacker);

        limiter.RecordSuccess(Attacker);
        Assert.False(limiter.RecordFailure(Attacker));
        Assert.False(limiter.RecordFailure(Attacker));
        Assert.True(limiter.RecordFailure(Attacker));

        limiter.RecordSuccess(Attacker);
        Assert.True(limiter.IsBlocked(Attacker));
    }

    [Fact]
    public void Ipv4_and_ipv4_mapped_ipv6_are_one_source()
    {
        var limiter = new AuthFailureLimiter(new FakeTimeProvider(), Options(maxFailures: 2));

        limiter.RecordFailure(IPAddress.Parse("192.0.2.66"));
        Assert.True(limiter.RecordFailure(IPAddress.Parse("::ffff:192.0.2.66")));

        Assert.True(limiter.IsBlocked(Attacker));
        Assert.Equal("192.0.2.66", limiter.DescribeSource(IPAddress.Parse("::ffff:192.0.2.66")));
    }

    [Fact]
    public void Ipv6_is_counted_per_prefix()
    {
        var limiter = new AuthFailureLimiter(new FakeTimeProvider(), Options(maxFailures: 2));

        limiter.RecordFailure(IPAddress.Parse("2001:db8:1:2::1"));
        Assert.True(limiter.RecordFailure(IPAddress.Parse("2001:db8:1:2:ffff::9")));

        Assert.True(limiter.IsBlocked(IPAddress.Parse("2001:db8:1:2:abcd::1")));
        Assert.False(limiter.IsBlocked(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("2001:db8:1:2::/64", limiter.DescribeSource(IPAddress.Parse("2001:db8:1:2::1")));
    }

    [Fact]
    public void Ipv6_prefix_128_counts_each_address()
    {
        var options = Options(maxFailures: 2);
        options.IPv6PrefixLength = 128;
        var limiter = new AuthFailureLimiter(new FakeTimeProvider(), options);

        limiter.RecordFailure(IPAddress.Parse("2001:db8::1"));
        limiter.RecordFailure(IPAddress.Parse("2001:db8::2"));

        Assert.False(limiter.IsBlocked(IPAddress.Parse("2001:db8::1")));
        Assert.Equal("2001:db8::1", limiter.DescribeSource(IPAddress.Parse("2001:db8::1")));
    }

    [Fact]
    public void Memory_stays_bounded_under_failures_from_many_addresses_and_blocks_survive()
    {
        var time = new FakeTimeProvider();
        var options = Options(maxFailures: 2);
        options.MaxTrackedSources = 100;
        var limiter = new AuthFailureLimiter(time, options);
        limiter.RecordFailure(Attacker);
        Assert.True(limiter.RecordFailure(Attacker));

        for (int i = 0; i < 10_000; i++)
        {
            limiter.RecordFailure(new IPAddress(0x0A000000u + (uint)i));
            Assert.InRange(limiter.TrackedSourceCount, 1, 100);
        }

        Assert.True(limiter.IsBlocked(Attacker));
    }

    [Fact]
    public void Idle_sources_are_dropped()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthFailureLimiter(time, Options(maxFailures: 5));
        for (int i = 0; i < 50; i++)
        {
            limiter.RecordFailure(new IPAddress(0x0A000000u + (uint)i));
        }

        time.Advance(TimeSpan.FromMinutes(2));
        limiter.RecordFailure(Attacker);

        Assert.Equal(1, limiter.TrackedSourceCount);
    }

    [Fact]
    public void Concurrent_failures_block_exactly_once()
    {
        var limiter = new AuthFailureLimiter(new FakeTimeProvider(), Options(maxFailures: 50));
        int blocks = 0;

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            if (limiter.RecordFailure(Attacker))
            {
                Interlocked.Increment(ref blocks);
            }
        });

        Assert.Equal(1, blocks);
        Assert.True(limiter.IsBlocked(Attacker));
    }

    [Fact]
    public void Rejects_nonsense_options()
    {
        var time = new FakeTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureLimiter(time, new AuthFailureLimiterOptions { MaxFailures = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureLimiter(time, new AuthFailureLimiterOptions { FailureWindow = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureLimiter(time, new AuthFailureLimiterOptions { BlockDuration = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureLimiter(time, new AuthFailureLimiterOptions { MaxTrackedSources = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureLimiter(time, new AuthFailureLimiterOptions { IPv6PrefixLength = 129 }));
    }

    private static AuthFailureLimiterOptions Options(int maxFailures) => new()
    {
        MaxFailures = maxFailures,
        FailureWindow = TimeSpan.FromMinutes(1),
        BlockDuration = TimeSpan.FromMinutes(10),
    };
}
