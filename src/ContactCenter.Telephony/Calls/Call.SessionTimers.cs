using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Session timers (RFC 4028) per leg, so a call whose far end vanished without BYE is reaped even when media is not
/// anchored for it to notice: the interval is negotiated from the caller's INVITE (422 when too small) and from the
/// 2xx of the legs we call; when we refresh we send a re-INVITE with our current offer at half the interval; a refresh
/// from the peer restarts the timer; no refresh in time ends the call.
/// </summary>
public sealed partial class Call
{
    /// <summary>Starts (or restarts) <paramref name="leg"/>'s timer; nothing when no timer was negotiated.</summary>
    internal void StartSessionTimer(CallLeg leg, SessionTimerNegotiation negotiation)
    {
        if (negotiation.Verdict != SessionTimerVerdict.Active)
        {
            leg.Timer?.Stop();
            return;
        }
        leg.TimerNegotiation = negotiation;
        leg.Timer ??= new SessionTimer(Engine.Time, _ => Post(() => OnSessionRefreshDue(leg)), _ => Post(() => OnSessionExpired(leg)));
        leg.Timer.Start(negotiation);
    }

    private bool IsLive(CallLeg leg) =>
        State != CallState.Ended && leg.Dialog is { State: SipDialogState.Confirmed } &&
        (ReferenceEquals(leg, _a) || ReferenceEquals(leg, _b) || _members.Contains(leg));

    private void OnSessionRefreshDue(CallLeg leg)
    {
        if (!IsLive(leg) || leg.TimerNegotiation is not { } negotiation) return;
        SendReOffer(leg, leg.CurrentOffer, writer => SessionTimerNegotiation.WriteRequestHeaders(writer,
            new SessionExpires(negotiation.IntervalSeconds, SessionRefresher.Uac), negotiation.MinSESeconds > 0 ? negotiation.MinSESeconds : SessionTimerOptions.AbsoluteMinimumSeconds));
    }

    private void OnSessionExpired(CallLeg leg)
    {
        if (!IsLive(leg)) return;
        HangUpAll();
        End(HangupSide.System, 408, $"session timer expired: no refresh from the {leg.Role} in {leg.TimerNegotiation?.IntervalSeconds} s");
    }

    /// <summary>The 2xx to our refresh: the interval it grants (or the one we had, when it says nothing) runs again.</summary>
    private void RestartSessionTimerAfterOurRefresh(CallLeg leg, SipMessage response)
    {
        if (leg.Timer is null || leg.TimerNegotiation is not { } previous) return;
        var granted = SessionTimerNegotiation.AsUac(response);
        StartSessionTimer(leg, granted.Verdict == SessionTimerVerdict.Active ? granted : previous with { WeRefresh = true });
    }

    /// <summary>A re-INVITE or UPDATE from the peer is a refresh: renegotiated, restarted, and answered with the result.</summary>
    private SessionTimerNegotiation? RefreshFromPeer(CallLeg leg, SipMessage request)
    {
        if (leg.Timer is null && !request.HasHeader(HeaderId.SessionExpires)) return null;
        var negotiation = SessionTimerNegotiation.AsUas(request, Engine.Options.SessionTimers);
        if (negotiation.Verdict != SessionTimerVerdict.Active) return null;
        StartSessionTimer(leg, negotiation);
        return negotiation;
    }
}
