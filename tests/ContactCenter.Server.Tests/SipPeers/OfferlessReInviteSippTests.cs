using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Offer-less re-INVITEs (RFC 3261 §14.2) from a sipp phone against the running server: the phone holds and retrieves
/// its call with re-INVITEs that carry no SDP, so our 200s must carry offers and its ACKs' answers must be applied.
/// </summary>
public sealed class OfferlessReInviteSippTests
{
    private static readonly TimeSpan Wait = SippPhones.Wait;

    [Fact]
    public async Task A_sipp_phone_holds_and_retrieves_with_offerless_reinvites_answered_in_its_acks()
    {
        PeerAvailability.RequireSipp();
        await using var server = new RunningSipServer();
        await using var events = new EventRecorder(server.Bus, new EventFilter { Types = ["call.*"] });
        await using var peers = new SippPhones(server);
        var callee = await peers.AnsweringPhoneAsync("3002", "transfer_party_uas.xml", toneHz: 440);

        // The scenario checks every 200 to its offer-less re-INVITEs for an audio offer (the old answer was 488).
        var caller = peers.Start(peers.Extension("offerless_reinvite_uac.xml", "3001", dialled: "3002", "offerless", toneHz: 600));
        var called = await caller.WaitForExitAsync(Wait);
        Assert.True(called.Succeeded, called.Describe());
        var answered = await callee.WaitForExitAsync(Wait);
        Assert.True(answered.Succeeded, answered.Describe());

        // The sendonly answer in the first ACK held the call (3002 heard music), the sendrecv one retrieved it.
        var ended = await events.WaitForAsync<CallEventPayload>(CallEventTypes.Ended, _ => true, Wait);
        var held = Assert.Single(events.Payloads<CallEventPayload>(CallEventTypes.Held));
        Assert.Equal(("3002", "3001"), (held.Party, held.By));
        var retrieved = Assert.Single(events.Payloads<CallEventPayload>(CallEventTypes.Retrieved));
        Assert.Equal(("3002", "3001"), (retrieved.Party, retrieved.By));
        var types = events.Snapshot().Select(e => e.Type).Where(t => t is CallEventTypes.Held or CallEventTypes.Retrieved).ToList();
        Assert.Equal([CallEventTypes.Held, CallEventTypes.Retrieved], types);

        var record = server.Cdr.Find(ended.CallId);
        Assert.NotNull(record);
        Assert.Equal(HangupSide.Caller, record.HangupSide);
        Assert.True(record.HoldTime > TimeSpan.Zero);
    }
}
