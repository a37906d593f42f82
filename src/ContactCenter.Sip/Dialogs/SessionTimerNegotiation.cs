using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The result of RFC 4028 negotiation: whether a timer runs, its interval, who refreshes, and what goes in our message.
/// <see cref="WeRefresh"/> is from our side's point of view.
/// </summary>
public sealed record SessionTimerNegotiation(SessionTimerVerdict Verdict, int IntervalSeconds, SessionRefresher Refresher, bool WeRefresh,
    bool RequireTimer, int MinSESeconds)
{
    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>
    /// UAS (§9): a request with Session-Expires below our Min-SE gets 422; otherwise the interval is the request's (or
    /// ours when it has none), lowered to our preferred value but never below either Min-SE. The refresher is the one the
    /// request names; if none, the UAC when it supports "timer", else us. Without Supported: timer the UAC cannot
    /// refresh, so we do, and the 2xx carries no Require: timer.
    /// </summary>
    public static SessionTimerNegotiation AsUas(SipMessage request, SessionTimerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!SessionExpires.TryRead(request, out var requested) || !SessionExpires.TryReadMinSE(request, out var requestMinSE))
            return new SessionTimerNegotiation(SessionTimerVerdict.Malformed, 0, SessionRefresher.Unspecified, false, false, options.MinSESeconds);
        int floor = Math.Max(options.MinSESeconds, requestMinSE ?? 0);
        if (requested is { } asked && asked.DeltaSeconds < options.MinSESeconds)
            return new SessionTimerNegotiation(SessionTimerVerdict.IntervalTooSmall, 0, SessionRefresher.Unspecified, false, false, floor);
        bool uacSupports = request.HasToken(HeaderId.Supported, "timer"u8);
        int interval = requested?.DeltaSeconds ?? options.SessionExpiresSeconds;
        interval = Math.Max(Math.Min(interval, options.SessionExpiresSeconds), floor);
        var refresher = !uacSupports ? SessionRefresher.Uas
            : requested?.Refresher is SessionRefresher.Uac or SessionRefresher.Uas ? requested.Value.Refresher
            : SessionRefresher.Uac;
        return new SessionTimerNegotiation(SessionTimerVerdict.Active, interval, refresher, refresher == SessionRefresher.Uas,
            uacSupports, floor);
    }

    /// <summary>
    /// UAC (§7.2): the 2xx to our INVITE or UPDATE decides. With Session-Expires the timer runs with its interval and
    /// refresher (a missing refresher means us, the UAC); without one the UAS (and proxies) did not take part and there
    /// is no timer.
    /// </summary>
    public static SessionTimerNegotiation AsUac(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!SessionExpires.TryRead(response, out var granted))
            return new SessionTimerNegotiation(SessionTimerVerdict.Malformed, 0, SessionRefresher.Unspecified, false, false, 0);
        if (granted is not { } se)
            return new SessionTimerNegotiation(SessionTimerVerdict.None, 0, SessionRefresher.Unspecified, false, false, 0);
        var refresher = se.Refresher == SessionRefresher.Uas ? SessionRefresher.Uas : SessionRefresher.Uac;
        return new SessionTimerNegotiation(SessionTimerVerdict.Active, se.DeltaSeconds, refresher, refresher == SessionRefresher.Uac,
            response.HasToken(HeaderId.Require, "timer"u8), 0);
    }

    /// <summary>
    /// UAC after a 422 (§7.4): the retry asks for at least the Min-SE the 422 names and carries that Min-SE. Null when
    /// the 422 has no usable Min-SE (then there is nothing to retry with).
    /// </summary>
    public static SessionExpires? RetryAfterIntervalTooSmall(SipMessage response, int requestedSeconds, out int minSE)
    {
        ArgumentNullException.ThrowIfNull(response);
        minSE = 0;
        if (response.StatusCode != 422 || !SessionExpires.TryReadMinSE(response, out var named) || named is not { } value ||
            value < SessionTimerOptions.AbsoluteMinimumSeconds)
            return null;
        minSE = value;
        return new SessionExpires(Math.Max(requestedSeconds, value), SessionRefresher.Unspecified);
    }

    /// <summary>UAS: the headers of our 2xx (Session-Expires, and Require: timer when the UAC supports it).</summary>
    public void WriteResponseHeaders(SipMessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Verdict != SessionTimerVerdict.Active) return;
        writer.Header(HeaderId.SessionExpires, new SessionExpires(IntervalSeconds, Refresher).ToString());
        if (RequireTimer) writer.Header(HeaderId.Require, "timer");
    }

    /// <summary>UAS: the Min-SE header of the 422.</summary>
    public void WriteRejectionHeaders(SipMessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Header(HeaderId.MinSE, MinSESeconds);
    }

    /// <summary>UAC: the headers of an INVITE, re-INVITE or UPDATE that asks for a timer (Supported, Session-Expires, Min-SE).</summary>
    public static void WriteRequestHeaders(SipMessageWriter writer, SessionExpires sessionExpires, int minSE)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Header(HeaderId.Supported, "timer");
        writer.Header(HeaderId.SessionExpires, sessionExpires.ToString());
        writer.Header(HeaderId.MinSE, minSE);
    }
}
