using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SipDialogRequestTests
{
    private const string AliceTarget = "sip:alice@192.0.2.10:5060;transport=udp";
    private const string BobTarget = "sip:bob@192.0.2.20:5070";

    public static TheoryData<string, string[], string, string[]> UasRouting => new()
    {
        // because, Record-Route of the INVITE (message order), expected Request-URI, expected Route values
        { "no route set: straight to the remote target", [], AliceTarget, [] },
        { "loose routers: Route is the set as received", ["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], AliceTarget,
            ["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"] },
        { "Record-Route parameters stay on the Route value", ["<sip:p2.example.com;lr;ftag=abc>;x=1"], AliceTarget,
            ["<sip:p2.example.com;lr;ftag=abc>;x=1"] },
        { "strict first hop: its URI is the Request-URI, the target goes last in Route", ["<sip:p2.example.com>", "<sip:p1.example.com;lr>"],
            "sip:p2.example.com", ["<sip:p1.example.com;lr>", "<" + AliceTarget + ">"] },
        { "strict single hop: Route holds only the target", ["<sip:p2.example.com;maddr=192.0.2.99>"],
            "sip:p2.example.com;maddr=192.0.2.99", ["<" + AliceTarget + ">"] },
        { "strict hop with URI headers: dropped from the Request-URI", ["<sip:p2.example.com?Subject=x>"],
            "sip:p2.example.com", ["<" + AliceTarget + ">"] },
        { "strict hop with a method parameter: dropped from the Request-URI", ["<sip:p2.example.com;method=INVITE;transport=tcp>"],
            "sip:p2.example.com;transport=tcp", ["<" + AliceTarget + ">"] },
    };

    [Theory]
    [MemberData(nameof(UasRouting))]
    public void Uas_bye_follows_the_route_set(string because, string[] recordRoute, string requestUri, string[] routes)
    {
        var dialog = Uas(Parse(Invite(recordRoute)));
        var bye = ParseValid(dialog.CreateRequest(SipMethod.Bye));
        Assert.True(requestUri == DialogMessages.Text(bye.RequestUriBytes), because);
        Assert.Equal(routes, Values(bye, HeaderId.Route));
        Assert.Equal(recordRoute.Length == 0 ? requestUri : dialog.RouteSet[0].Uri, dialog.RequestTarget.NextHopUri);
    }

    public static TheoryData<string, string[], string, string[]> UacRouting => new()
    {
        { "loose routers: Record-Route reversed", ["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], BobTarget,
            ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"] },
        { "strict router nearest Alice: its URI leads", ["<sip:p2.example.com;lr>", "<sip:p1.example.com>"], "sip:p1.example.com",
            ["<sip:p2.example.com;lr>", "<" + BobTarget + ">"] },
        { "strict router nearest Bob is not first for Alice", ["<sip:p2.example.com>", "<sip:p1.example.com;lr>"], BobTarget,
            ["<sip:p1.example.com;lr>", "<sip:p2.example.com>"] },
    };

    [Theory]
    [MemberData(nameof(UacRouting))]
    public void Uac_requests_follow_the_reversed_route_set(string because, string[] recordRoute, string requestUri, string[] routes)
    {
        var invite = Parse(Invite(recordRoute));
        var dialog = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));
        var info = ParseValid(dialog.CreateRequest(SipMethod.Info));
        Assert.True(requestUri == DialogMessages.Text(info.RequestUriBytes), because);
        Assert.Equal(routes, Values(info, HeaderId.Route));
    }

    [Fact]
    public void Uac_request_carries_tags_call_id_next_cseq_and_a_fresh_branch()
    {
        var invite = Parse(Invite(cseq: 10));
        var dialog = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));

        var bye = ParseValid(dialog.CreateRequest(SipMethod.Bye));
        Assert.Equal(SipMethod.Bye, bye.Method);
        Assert.Equal(11u, bye.CSeq);
        Assert.Equal(SipMethod.Bye, bye.CSeqMethod);
        Assert.Equal(AliceTag, DialogMessages.Text(bye.FromTag));
        Assert.Equal("bob-tag", DialogMessages.Text(bye.ToTag));
        Assert.Equal("\"Alice\" <sip:alice@example.com>;tag=alice-tag", Header(bye, HeaderId.From));
        Assert.Equal("Bob <sip:bob@example.com>;tag=bob-tag", Header(bye, HeaderId.To));
        Assert.Equal(CallId, bye.CallIdString);
        Assert.Equal(70, bye.MaxForwards);
        Assert.True(bye.HasRfc3261Branch);
        Assert.NotEqual(invite.Branch.ToArray(), bye.Branch.ToArray());
        Assert.StartsWith(AliceVia + ";branch=", Header(bye, HeaderId.Via));
        Assert.False(bye.HasHeader(HeaderId.Contact)); // BYE takes no Contact
        Assert.Equal(11u, dialog.LocalCSeq);

        var reInvite = ParseValid(dialog.CreateRequest(SipMethod.Invite, branch: "z9hG4bKgiven", body: "v=0\r\n"u8, contentType: "application/sdp"));
        Assert.Equal(12u, reInvite.CSeq);
        Assert.Equal("z9hG4bKgiven", DialogMessages.Text(reInvite.Branch));
        Assert.Equal(AliceContact, Header(reInvite, HeaderId.Contact));
        Assert.Equal("application/sdp", Header(reInvite, HeaderId.ContentType));
        Assert.Equal("v=0\r\n", DialogMessages.Text(reInvite.Body));
    }

    public static TheoryData<SipMethod, bool> ContactByMethod => new()
    {
        { SipMethod.Invite, true }, { SipMethod.Update, true }, { SipMethod.Refer, true }, { SipMethod.Notify, true },
        { SipMethod.Bye, false }, { SipMethod.Info, false },
    };

    [Theory]
    [MemberData(nameof(ContactByMethod))]
    public void Uas_requests_start_cseq_at_one_and_carry_contact_for_target_refresh_and_refer(SipMethod method, bool contact)
    {
        var dialog = Uas(Parse(Invite()));
        var request = ParseValid(dialog.CreateRequest(method, extraHeaders: w => w.Header(HeaderId.Subject, "test")));
        Assert.Equal(method, request.Method);
        Assert.Equal(1u, request.CSeq);
        Assert.Equal("bob-tag", DialogMessages.Text(request.FromTag));
        Assert.Equal(AliceTag, DialogMessages.Text(request.ToTag));
        Assert.Equal(BobVia, Header(request, HeaderId.Via).Split(";branch=")[0]);
        Assert.Equal(contact, request.HasHeader(HeaderId.Contact));
        Assert.Equal("test", Header(request, HeaderId.Subject));
        Assert.Equal(AliceTarget, DialogMessages.Text(request.RequestUriBytes));
    }

    [Fact]
    public void Ack_for_2xx_has_the_invites_cseq_its_own_branch_and_is_built_once()
    {
        var invite = Parse(Invite(["<sip:p1.example.com;lr>"], cseq: 42));
        var dialog = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));

        var bytes = dialog.CreateAck(42);
        var ack = ParseValid(bytes);
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(42u, ack.CSeq);
        Assert.Equal(SipMethod.Ack, ack.CSeqMethod);
        Assert.NotEqual(DialogMessages.Text(invite.Branch), DialogMessages.Text(ack.Branch));
        Assert.True(ack.HasRfc3261Branch);
        Assert.Equal(BobTarget, DialogMessages.Text(ack.RequestUriBytes));
        Assert.Equal(["<sip:p1.example.com;lr>"], Values(ack, HeaderId.Route));
        Assert.Equal("bob-tag", DialogMessages.Text(ack.ToTag));
        Assert.Same(bytes, dialog.CreateAck(42)); // a retransmitted 2xx gets the same ACK
        Assert.Equal(42u, dialog.LocalCSeq);      // ACK takes no CSeq number of its own

        var next = ParseValid(dialog.CreateRequest(SipMethod.Invite));
        Assert.Equal(43u, next.CSeq);
        Assert.NotSame(bytes, dialog.CreateAck(43));
    }

    [Theory]
    [InlineData(SipMethod.Ack)]
    [InlineData(SipMethod.Cancel)]
    [InlineData(SipMethod.Unknown)]
    public void Ack_and_cancel_are_not_built_as_ordinary_requests(SipMethod method)
    {
        var dialog = Uas(Parse(Invite()));
        Assert.Throws<ArgumentException>(() => dialog.CreateRequest(method));
    }

    [Fact]
    public void A_terminated_dialog_builds_no_request()
    {
        var dialog = Uas(Parse(Invite()));
        dialog.Terminate();
        Assert.Throws<InvalidOperationException>(() => dialog.CreateRequest(SipMethod.Bye));
    }

    [Fact]
    public void Local_cseq_never_reaches_two_to_the_31()
    {
        var invite = Parse(Invite(cseq: int.MaxValue - 2));
        var dialog = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));
        Assert.Equal((uint)int.MaxValue - 1, Parse(dialog.CreateRequest(SipMethod.Bye)).CSeq);
        Assert.Throws<InvalidOperationException>(() => dialog.CreateRequest(SipMethod.Bye));
    }

    [Fact]
    public void Uas_responses_copy_record_route_for_the_creating_request_and_carry_contact_for_target_refresh()
    {
        var invite = Parse(Invite(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"]));
        var dialog = Uas(invite, "bob-tag", SipDialogState.Early);

        var ringing = Parse(dialog.CreateResponse(invite, 180, "Ringing").Finish());
        Assert.Equal("bob-tag", Text(ringing.ToTag));
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], Values(ringing, HeaderId.RecordRoute));
        Assert.Equal(BobContact, Header(ringing, HeaderId.Contact));
        // Bob's response makes the same dialog on Alice's side.
        var aliceView = Uac(invite, ringing);
        Assert.Equal(dialog.Id.CallId, aliceView.CallId);
        Assert.Equal((dialog.LocalTag, dialog.RemoteTag), (aliceView.RemoteTag, aliceView.LocalTag));

        var busy = Parse(dialog.CreateResponse(invite, 486, "Busy Here").Finish());
        Assert.False(busy.HasHeader(HeaderId.RecordRoute));
        Assert.False(busy.HasHeader(HeaderId.Contact));

        var info = Parse(InDialogRequest("INFO", 315, "bob-tag", extraHeaders: "Record-Route: <sip:p9.example.com;lr>"));
        var infoOk = Parse(dialog.CreateResponse(info, 200, "OK").Finish());
        Assert.False(infoOk.HasHeader(HeaderId.RecordRoute)); // the route set is fixed once the dialog exists
        Assert.False(infoOk.HasHeader(HeaderId.Contact));
        var update = Parse(InDialogRequest("UPDATE", 316, "bob-tag"));
        Assert.Equal(BobContact, Header(Parse(dialog.CreateResponse(update, 200, "OK").Finish()), HeaderId.Contact));
        Assert.Equal("bob-tag", Text(Parse(dialog.CreateResponse(update, 200, "OK").Finish()).ToTag));
    }
}
