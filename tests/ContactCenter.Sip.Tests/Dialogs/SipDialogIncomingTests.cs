using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SipDialogIncomingTests
{
    public static TheoryData<string, uint[], DialogRequestVerdict, uint> CSeqCases => new()
    {
        // because, CSeq numbers received after the INVITE (314), verdict of the last, remote CSeq afterwards
        { "higher is in order", [315], DialogRequestVerdict.Accept, 315 },
        { "a gap is allowed (§12.2.2: only lower is out of order)", [400], DialogRequestVerdict.Accept, 400 },
        { "lower than the INVITE's", [313], DialogRequestVerdict.OutOfOrder, 314 },
        { "lower than the last one seen", [320, 316], DialogRequestVerdict.OutOfOrder, 320 },
        { "equal is not lower", [320, 320], DialogRequestVerdict.Accept, 320 },
    };

    [Theory]
    [MemberData(nameof(CSeqCases))]
    public void Requests_with_a_lower_cseq_are_out_of_order(string because, uint[] sequence, DialogRequestVerdict last, uint remoteAfter)
    {
        var dialog = Uas(Parse(Invite(cseq: 314)));
        var verdict = DialogRequestVerdict.Accept;
        foreach (var cseq in sequence) verdict = dialog.CheckIncomingRequest(Parse(InDialogRequest("INFO", cseq, "bob-tag")));
        Assert.True(last == verdict, because);
        Assert.Equal(remoteAfter, dialog.RemoteCSeq);
    }

    [Fact]
    public void Ack_is_not_counted_and_a_uac_dialog_takes_the_first_remote_cseq()
    {
        var invite = Parse(Invite(cseq: 1));
        var uac = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));
        Assert.Null(uac.RemoteCSeq);
        // Bob's first request may carry any number (his local CSeq started empty).
        var fromBob = Parse(InDialogRequest("INFO", 5, "bob-tag"));
        Assert.Equal(DialogRequestVerdict.Accept, uac.CheckIncomingRequest(fromBob));
        Assert.Equal(5u, uac.RemoteCSeq);

        var uas = Uas(Parse(Invite(cseq: 314)));
        Assert.Equal(DialogRequestVerdict.Accept, uas.CheckIncomingRequest(Parse(InDialogRequest("ACK", 314, "bob-tag"))));
        Assert.Equal(314u, uas.RemoteCSeq);
    }

    [Fact]
    public void A_terminated_dialog_answers_481()
    {
        var dialog = Uas(Parse(Invite()));
        dialog.Terminate();
        Assert.Equal(DialogRequestVerdict.DialogTerminated, dialog.CheckIncomingRequest(Parse(InDialogRequest("BYE", 400, "bob-tag"))));
    }

    public static TheoryData<string, string?, string> TargetRefreshCases => new()
    {
        { "INVITE", "<sip:alice@198.51.100.7:5062>", "sip:alice@198.51.100.7:5062" },
        { "UPDATE", "<sip:alice@198.51.100.8>", "sip:alice@198.51.100.8" },
        { "INVITE", null, "sip:alice@192.0.2.10:5060;transport=udp" },  // no Contact: target unchanged
        { "INFO", "<sip:alice@198.51.100.9>", "sip:alice@192.0.2.10:5060;transport=udp" }, // not a target refresh
    };

    [Theory]
    [MemberData(nameof(TargetRefreshCases))]
    public void Target_refresh_requests_replace_the_remote_target(string method, string? contact, string expectedTarget)
    {
        var dialog = Uas(Parse(Invite(cseq: 1)));
        Assert.Equal(DialogRequestVerdict.Accept, dialog.CheckIncomingRequest(Parse(InDialogRequest(method, 2, "bob-tag", contact))));
        Assert.Equal(expectedTarget, dialog.RemoteTarget);
        var bye = Parse(dialog.CreateRequest(SipMethod.Bye));
        Assert.Equal(expectedTarget, Text(bye.RequestUriBytes));
    }

    [Fact]
    public void Uac_target_refresh_from_a_2xx_to_reinvite_and_update()
    {
        var invite = Parse(Invite());
        var dialog = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));
        var reInvite = Parse(dialog.CreateRequest(SipMethod.Invite));
        var ok = Parse(Response(reInvite, 200, "OK", null, contact: "<sip:bob@203.0.113.5:5090>"));
        Assert.Equal(SipDialogState.Confirmed, dialog.ApplyResponse(ok));
        Assert.Equal("sip:bob@203.0.113.5:5090", dialog.RemoteTarget);

        var update = Parse(dialog.CreateRequest(SipMethod.Update));
        dialog.ApplyResponse(Parse(Response(update, 200, "OK", null, contact: "<sip:bob@203.0.113.6>")));
        Assert.Equal("sip:bob@203.0.113.6", dialog.RemoteTarget);

        // A 2xx to INFO refreshes nothing.
        var info = Parse(dialog.CreateRequest(SipMethod.Info));
        dialog.ApplyResponse(Parse(Response(info, 200, "OK", null, contact: "<sip:bob@203.0.113.7>")));
        Assert.Equal("sip:bob@203.0.113.6", dialog.RemoteTarget);
    }

    [Theory]
    [InlineData(481, SipDialogState.Terminated)]
    [InlineData(408, SipDialogState.Terminated)]
    [InlineData(491, SipDialogState.Confirmed)]
    [InlineData(500, SipDialogState.Confirmed)]
    public void A_481_or_408_to_an_in_dialog_request_ends_the_dialog(int status, SipDialogState expected)
    {
        var invite = Parse(Invite());
        var dialog = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));
        int terminatedEvents = 0;
        dialog.Terminated += _ => terminatedEvents++;
        var info = Parse(dialog.CreateRequest(SipMethod.Info));
        Assert.Equal(expected, dialog.ApplyResponse(Parse(Response(info, status, "Whatever", null))));
        Assert.Equal(expected == SipDialogState.Terminated ? 1 : 0, terminatedEvents);
    }

    [Fact]
    public void Early_uac_dialog_is_confirmed_by_the_2xx_and_recomputes_route_set_and_target()
    {
        var invite = Parse(Invite(["<sip:p1.example.com;lr>"]));
        var dialog = Uac(invite, Parse(Response(invite, 180, "Ringing", "bob-tag", contact: "<sip:bob@192.0.2.20:5070>")));
        Assert.Equal(SipDialogState.Early, dialog.State);

        dialog.ApplyResponse(Parse(Response(invite, 183, "Session Progress", "bob-tag", contact: "<sip:bob@192.0.2.21>")));
        Assert.Equal("sip:bob@192.0.2.21", dialog.RemoteTarget);

        // The 2xx took another path: its Record-Route decides (§13.2.2.4).
        var okBytes = Response(Parse(Invite(["<sip:p3.example.com;lr>", "<sip:p1.example.com;lr>"])), 200, "OK", "bob-tag",
            contact: "<sip:bob@192.0.2.22>");
        Assert.Equal(SipDialogState.Confirmed, dialog.ApplyResponse(Parse(okBytes)));
        Assert.Equal("sip:bob@192.0.2.22", dialog.RemoteTarget);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p3.example.com;lr>"], dialog.RouteSet.Select(r => r.Value));
    }

    [Fact]
    public void Early_uac_dialog_ends_on_a_failure_and_ignores_other_forks()
    {
        var invite = Parse(Invite());
        var dialog = Uac(invite, Parse(Response(invite, 180, "Ringing", "fork-a")));
        Assert.Equal(SipDialogState.Early, dialog.ApplyResponse(Parse(Response(invite, 200, "OK", "fork-b"))));
        Assert.Equal(SipDialogState.Terminated, dialog.ApplyResponse(Parse(Response(invite, 486, "Busy Here", "fork-a"))));
    }
}
