using ContactCenter.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Auth;

public class NonceCountTrackerTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public void Each_nc_is_accepted_once()
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime);
        NonceKey nonce = Key(time, 1);

        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 2));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 2));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 0));
    }

    [Fact]
    public void Nonces_are_tracked_independently()
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime);

        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(Key(time, 1), 1));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(Key(time, 2), 1));
        Assert.Equal(2, tracker.Count);
    }

    [Fact]
    public void Reordered_counts_within_the_window_are_accepted_once()
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime);
        NonceKey nonce = Key(time, 1);

        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 100));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 99));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 36)); // 64 behind: the window's edge
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 35)); // 65 behind: too old to know
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 99));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 36));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 100));
    }

    [Theory]
    [InlineData(63u)]
    [InlineData(64u)]
    [InlineData(65u)]
    [InlineData(1000u)]
    public void A_jump_forward_still_remembers_the_old_highest(uint jump)
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime);
        NonceKey nonce = Key(time, 1);
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(nonce, 1 + jump));

        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(nonce, 1 + jump));
        Assert.Equal(jump - 1 <= 64 ? NonceCountResult.Accepted : NonceCountResult.Replayed, tracker.TryAdvance(nonce, 2));
    }

    [Fact]
    public void Expired_nonces_are_forgotten_and_swept()
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime);
        NonceKey old = Key(time, 1);
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(old, 1));

        time.Advance(Lifetime + TimeSpan.FromMilliseconds(1));

        Assert.Equal(NonceCountResult.Forgotten, tracker.TryAdvance(old, 2));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(Key(time, 2), 1));
        Assert.Equal(1, tracker.Count);
    }

    [Fact]
    public void Memory_is_capped_and_evicted_nonces_are_forgotten_not_replayable()
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime, capacity: 10);
        var keys = new List<NonceKey>();
        for (int i = 0; i < 25; i++)
        {
            keys.Add(Key(time, (ulong)i));
            Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(keys[^1], 1));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(tracker.Count, 1, 10);
        Assert.Equal(NonceCountResult.Forgotten, tracker.TryAdvance(keys[0], 1));
        Assert.Equal(NonceCountResult.Replayed, tracker.TryAdvance(keys[^1], 1));
        Assert.Equal(NonceCountResult.Accepted, tracker.TryAdvance(keys[^1], 2));
    }

    [Fact]
    public void Concurrent_uses_of_one_nc_accept_exactly_one()
    {
        var time = new FakeTimeProvider();
        var tracker = new NonceCountTracker(time, Lifetime);
        NonceKey[] keys = Enumerable.Range(0, 200).Select(i => Key(time, (ulong)i)).ToArray();
        int accepted = 0;

        Parallel.For(0, 8 * keys.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (tracker.TryAdvance(keys[i % keys.Length], 1) == NonceCountResult.Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(keys.Length, accepted);
    }

    private static NonceKey Key(TimeProvider time, ulong random) => new(time.GetUtcNow().ToUnixTimeMilliseconds(), random);
}
