using ContactCenter.Sip.Diagnostics;

namespace ContactCenter.Telephony.Calls;

/// <summary>Hold: the party left alone hears music on hold; the hold time is accounted for the CDR.</summary>
public sealed partial class Call
{
    /// <summary>
    /// <paramref name="leg"/>'s phone put the call on hold (<paramref name="held"/>) or took it back. Its partner is
    /// unbridged and hears music while held; re-bridged on retrieve. Idempotent: a repeated hold offer changes nothing.
    /// </summary>
    private void ApplyPeerHold(CallLeg leg, bool held)
    {
        if (leg.HeldByPeer == held) return;
        leg.HeldByPeer = held;
        leg.UpdateHoldClock();
        // In a conference the mixer carries on: the holding phone just sends no audio for a while.
        if (InConference) return;
        var partner = PartnerOf(leg);
        if (partner is null) return;
        if (held)
        {
            leg.Media.Unbridge();
            partner.Media.PlayMusicOnHold();
            RecordCallerPlayback();
            Engine.Log.Write(SipLogLevel.Debug, "calls", () => $"Call {Id}: {leg} holds {partner}");
            Publish(CallEventTypes.Held, partner.Party, leg.Party);
        }
        else
        {
            Rebridge(leg, partner);
            Publish(CallEventTypes.Retrieved, partner.Party, leg.Party);
        }
    }

    /// <summary>Connects two legs again after hold or a transfer: music stops and RTP flows both ways through the bridge.</summary>
    private void Rebridge(CallLeg one, CallLeg other)
    {
        if (one.IsHeld || other.IsHeld) return;
        one.Media.StopPlaying();
        other.Media.StopPlaying();
        if (ReferenceEquals(one.Media.BridgedPeer, other.Media)) return;
        one.Media.Unbridge();
        other.Media.Unbridge();
        one.Media.BridgeWith(other.Media);
    }
}
