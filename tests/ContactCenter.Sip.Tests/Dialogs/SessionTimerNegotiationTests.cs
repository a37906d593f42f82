using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SessionTimerNegotiationTests
{
    public static TheoryData<string, string?, SessionTimerVerdict, int, SessionRefresher, bool, int> UasCases => new()
    {
        // because, extra headers of the INVITE, verdict, interval, refresher, Require: timer, Min-SE
        { "below our Min-SE: 422", "Supported: timer\r\nSession-Expires: 60", SessionTimerVerdict.IntervalTooSmall, 0, SessionRefresher.Unspecified, false, 90 },
        { "422 names the larger of both Min-SE", "Supported: timer\r\nSession-Expires: 60\r\nMin-SE: 120", SessionTimerVerdict.IntervalTooSmall, 0, SessionRefresher.Unspecified, false, 120 },
        { "the UAC asks to refresh", "Supported: timer\r\nSession-Expires: 1200;refresher=uac", SessionTimerVerdict.Active, 1200, SessionRefresher.Uac, true, 90 },
        { "the UAC asks us to refresh", "Supported: timer\r\nSession-Expires: 1200;refresher=uas", SessionTimerVerdict.Active, 1200, SessionRefresher.Uas, true, 90 },
        { "no refresher named: the UAC that supports timer refreshes", "Supported: timer\r\nSession-Expires: 900", SessionTimerVerdict.Active, 900, SessionRefresher.Uac, true, 90 },
        { "too long: lowered to ours", "Supported: timer\r\nSession-Expires: 7200", SessionTimerVerdict.Active, 1800, SessionRefresher.Uac, true, 90 },
        { "lowered, but never below the request's Min-SE", "Supported: timer\r\nSession-Expires: 7200\r\nMin-SE: 3600", SessionTimerVerdict.Active, 3600, SessionRefresher.Uac, true, 3600 },
        { "no Session-Expires, timer supported: we add ours", "Supported: timer", SessionTimerVerdict.Active, 1800, SessionRefresher.Uac, true, 90 },
        { "UAC without timer support: we refresh, no Require", null, SessionTimerVerdict.Active, 1800, SessionRefresher.Uas, false, 90 },
        { "a proxy added Session-Expires, UAC unaware: we refresh", "Session-Expires: 600;refresher=uac", SessionTimerVerdict.Active, 600, SessionRefresher.Uas, false, 90 },
        { "exactly Min-SE is accepted", "Supported: timer\r\nSession-Expires: 90", SessionTimerVerdict.Active, 90, SessionRefresher.Uac, true, 90 },
        { "non-numeric interval", "Session-Expires: soon", SessionTimerVerdict.Malformed, 0, SessionRefresher.Unspecified, false, 90 },
        { "unknown refresher", "Session-Expires: 1800;refresher=proxy", SessionTimerVerdict.Malformed, 0, SessionRefresher.Unspecified, false, 90 },
        { "zero interval", "Session-Expires: 0", SessionTimerVerdict.Malformed, 0, SessionRefresher.Unspecified, false, 90 },
        { "bad Min-SE", "Session-Expires: 1800\r\nMin-SE: x", SessionTimerVerdict.Malformed, 0, SessionRefresher.Unspecified, false, 90 },
    };

    [Theory]
    [MemberData(nameof(UasCases))]
    public void Uas_negotiation(string because, string? headers, SessionTimerVerdict verdict, int interval, SessionRefresher refresher,
        bool require, int minSE)
    {
        var invite = Parse(Invite(extraHeaders: headers));
        var result = SessionTimerNegotiation.AsUas(invite, SessionTimerOptions.Default);
        Assert.True(verdict == result.Verdict, $"{because}: {result}");
        Assert.Equal(interval, result.IntervalSeconds);
        Assert.Equal(refresher, result.Refresher);
        Assert.Equal(require, result.RequireTimer);
        Assert.Equal(minSE, result.MinSESeconds);
        Assert.Equal(refresher == SessionRefresher.Uas, result.WeRefresh);
    }

    [Fact]
    public void Uas_writes_session_expires_and_require_into_the_2xx_and_min_se_into_the_422()
    {
        var invite = Parse(Invite(extraHeaders: "Supported: timer\r\nSession-Expires: 1200;refresher=uac"));
        var accepted = SessionTimerNegotiation.AsUas(invite, SessionTimerOptions.Default);
        var okWriter = SipResponseFactory.Create(invite, 200, "OK", "bob-tag"u8);
        accepted.WriteResponseHeaders(okWriter);
        var ok = Parse(okWriter.Finish());
        Assert.Equal("1200;refresher=uac", Header(ok, HeaderId.SessionExpires));
        Assert.Equal("timer", Header(ok, HeaderId.Require));

        // And the UAC reading that 2xx agrees: it refreshes.
        var uac = SessionTimerNegotiation.AsUac(ok);
        Assert.Equal(SessionTimerVerdict.Active, uac.Verdict);
        Assert.Equal(1200, uac.IntervalSeconds);
        Assert.True(uac.WeRefresh);

        var tooSmall = SessionTimerNegotiation.AsUas(Parse(Invite(extraHeaders: "Session-Expires: 30")),
            new SessionTimerOptions { MinSESeconds = 300 });
        var rejectWriter = SipResponseFactory.Create(invite, 422, "Session Interval Too Small", "bob-tag"u8);
        tooSmall.WriteRejectionHeaders(rejectWriter);
        var reject = Parse(rejectWriter.Finish());
        Assert.Equal("300", Header(reject, HeaderId.MinSE));

        // The UAC retries with at least the Min-SE named, and names it itself.
        var retry = SessionTimerNegotiation.RetryAfterIntervalTooSmall(reject, 30, out int minSE);
        Assert.Equal(new SessionExpires(300, SessionRefresher.Unspecified), retry);
        Assert.Equal(300, minSE);
        var retryInvite = Parse(Invite(extraHeaders: "Session-Expires: 300\r\nMin-SE: 300\r\nSupported: timer"));
        Assert.Equal(SessionTimerVerdict.Active, SessionTimerNegotiation.AsUas(retryInvite, new SessionTimerOptions { MinSESeconds = 300 }).Verdict);
    }

    public static TheoryData<string?, SessionTimerVerdict, int, bool> UacCases => new()
    {
        { "Session-Expires: 1800;refresher=uas\r\nRequire: timer", SessionTimerVerdict.Active, 1800, false },
        { "Session-Expires: 1800;refresher=uac\r\nRequire: timer", SessionTimerVerdict.Active, 1800, true },
        { "Session-Expires: 600", SessionTimerVerdict.Active, 600, true },  // no refresher in the answer: the UAC refreshes
        { null, SessionTimerVerdict.None, 0, false },
        { "Session-Expires: ;refresher=uas", SessionTimerVerdict.Malformed, 0, false },
    };

    [Theory]
    [MemberData(nameof(UacCases))]
    public void Uac_reads_the_2xx(string? headers, SessionTimerVerdict verdict, int interval, bool weRefresh)
    {
        var invite = Parse(Invite(extraHeaders: "Supported: timer\r\nSession-Expires: 1800"));
        var result = SessionTimerNegotiation.AsUac(Parse(Response(invite, 200, "OK", "bob-tag", extraHeaders: headers)));
        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(interval, result.IntervalSeconds);
        Assert.Equal(weRefresh, result.WeRefresh);
    }

    [Fact]
    public void Retry_after_422_needs_a_usable_min_se()
    {
        var invite = Parse(Invite());
        Assert.Null(SessionTimerNegotiation.RetryAfterIntervalTooSmall(Parse(Response(invite, 422, "Session Interval Too Small", "t")), 60, out _));
        Assert.Null(SessionTimerNegotiation.RetryAfterIntervalTooSmall(Parse(Response(invite, 422, "Too Small", "t", extraHeaders: "Min-SE: 30")), 60, out _));
        Assert.Null(SessionTimerNegotiation.RetryAfterIntervalTooSmall(Parse(Response(invite, 486, "Busy", "t", extraHeaders: "Min-SE: 300")), 60, out _));
        Assert.Equal(1800, SessionTimerNegotiation.RetryAfterIntervalTooSmall(
            Parse(Response(invite, 422, "Too Small", "t", extraHeaders: "Min-SE: 300")), 1800, out _)!.Value.DeltaSeconds);
    }

    [Theory]
    [InlineData("1800", true, 1800, SessionRefresher.Unspecified)]
    [InlineData(" 90 ;refresher=UAS", true, 90, SessionRefresher.Uas)]
    [InlineData("3600;x=y;refresher=uac", true, 3600, SessionRefresher.Uac)]
    [InlineData("86401", false, 0, SessionRefresher.Unspecified)]
    [InlineData("-5", false, 0, SessionRefresher.Unspecified)]
    [InlineData("", false, 0, SessionRefresher.Unspecified)]
    [InlineData("1800;;", false, 0, SessionRefresher.Unspecified)]
    public void Session_expires_parsing(string value, bool ok, int delta, SessionRefresher refresher)
    {
        Assert.Equal(ok, SessionExpires.TryParse(System.Text.Encoding.ASCII.GetBytes(value), out var parsed));
        Assert.Equal(delta, parsed.DeltaSeconds);
        Assert.Equal(refresher, parsed.Refresher);
        if (ok) Assert.True(SessionExpires.TryParse(System.Text.Encoding.ASCII.GetBytes(parsed.ToString()), out var again) && again == parsed);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new SessionTimerOptions { MinSESeconds = 60 }.Validate());
        Assert.Throws<ArgumentException>(() => new SessionTimerOptions { MinSESeconds = 600, SessionExpiresSeconds = 300 }.Validate());
    }
}
