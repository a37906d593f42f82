using ContactCenter.Sip.Dialogs;

namespace ContactCenter.Sip.Tests.Dialogs;

public class GlareTests
{
    [Fact]
    public void Incoming_reinvite_while_ours_is_pending_is_glare()
    {
        var guard = new DialogOfferGuard();
        Assert.True(guard.TryBeginOutgoing());
        Assert.False(guard.TryBeginOutgoing());
        Assert.Equal(OfferVerdict.RequestPending, guard.BeginIncoming());
        guard.EndOutgoing();
        Assert.Equal(OfferVerdict.Accept, guard.BeginIncoming());
        Assert.True(guard.IncomingPending);
    }

    [Fact]
    public void Overlapping_incoming_reinvites_get_500_and_block_our_own()
    {
        var guard = new DialogOfferGuard();
        Assert.Equal(OfferVerdict.Accept, guard.BeginIncoming());
        Assert.Equal(OfferVerdict.ServerErrorRetryAfter, guard.BeginIncoming());
        Assert.False(guard.TryBeginOutgoing()); // §14.1: not while one is in progress in either direction
        guard.EndIncoming();
        Assert.True(guard.TryBeginOutgoing());
        Assert.True(guard.OutgoingPending);
    }

    [Theory]
    [InlineData(true, 2100, 4000)]
    [InlineData(false, 0, 2000)]
    public void Retry_delay_is_in_the_rfc_range_in_10_ms_units(bool ownsCallId, int minMs, int maxMs)
    {
        var random = new Random(1234);
        var delays = Enumerable.Range(0, 5000).Select(_ => GlareRetryPolicy.RetryDelay(ownsCallId, random)).ToList();
        Assert.All(delays, d =>
        {
            Assert.InRange(d.TotalMilliseconds, minMs, maxMs);
            Assert.Equal(0, d.Ticks % TimeSpan.FromMilliseconds(10).Ticks);
        });
        // Both ends of the range are reachable: the spread is the whole window, not a constant.
        Assert.Equal(minMs, delays.Min(d => d.TotalMilliseconds));
        Assert.Equal(maxMs, delays.Max(d => d.TotalMilliseconds));
    }

    [Fact]
    public void The_uac_of_the_dialog_owns_the_call_id()
    {
        var invite = DialogMessages.Parse(DialogMessages.Invite());
        Assert.False(DialogMessages.Uas(invite).OwnsCallId);
        var uac = DialogMessages.Uac(invite, DialogMessages.Parse(DialogMessages.Response(invite, 200, "OK", "t")));
        Assert.True(uac.OwnsCallId);
    }

    [Fact]
    public void Server_error_retry_after_is_zero_to_ten_seconds()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 2000).Select(_ => GlareRetryPolicy.ServerErrorRetryAfter(random)).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 11).ToHashSet(), values);
    }
}
