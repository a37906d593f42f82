using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SipDialogTableTests
{
    [Fact]
    public void Finds_dialogs_for_requests_and_responses_from_the_right_side()
    {
        var table = new SipDialogTable();
        var uas = Uas(Parse(Invite(callId: "call-uas")));
        var invite = Parse(Invite(callId: "call-uac"));
        var uac = Uac(invite, Parse(Response(invite, 200, "OK", "bob-tag")));
        Assert.True(table.TryAdd(uas));
        Assert.True(table.TryAdd(uac));

        Assert.Same(uas, table.FindForRequest(Parse(InDialogRequest("BYE", 400, "bob-tag", callId: "call-uas"))));
        Assert.Same(uac, table.FindForResponse(Parse(Response(invite, 200, "OK", "bob-tag"))));
        Assert.Null(table.FindForRequest(Parse(InDialogRequest("BYE", 400, "other-tag", callId: "call-uas"))));
        Assert.Null(table.FindForRequest(Parse(InDialogRequest("BYE", 400, "bob-tag", callId: "call-unknown"))));
        Assert.Null(table.FindForRequest(Parse(Invite(callId: "call-uas")))); // no To tag
    }

    [Fact]
    public void Terminated_dialogs_leave_the_table()
    {
        var table = new SipDialogTable();
        var dialogs = Enumerable.Range(0, 50).Select(i => Uas(Parse(Invite(callId: $"call-{i}")))).ToList();
        foreach (var d in dialogs) Assert.True(table.TryAdd(d));
        Assert.Equal(50, table.Count);
        foreach (var d in dialogs) d.Terminate();
        Assert.Equal(0, table.Count);
        Assert.Empty(table.Snapshot());
        var ended = Uas(Parse(Invite(callId: "call-ended")));
        ended.Terminate();
        Assert.False(table.TryAdd(ended));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Capacity_and_duplicate_ids_are_refused_and_removal_frees_a_slot()
    {
        var table = new SipDialogTable(capacity: 2);
        var a = Uas(Parse(Invite(callId: "a")));
        var b = Uas(Parse(Invite(callId: "b")));
        var c = Uas(Parse(Invite(callId: "c")));
        Assert.True(table.TryAdd(a));
        Assert.False(table.TryAdd(Uas(Parse(Invite(callId: "a"))))); // same id
        Assert.True(table.TryAdd(b));
        Assert.False(table.TryAdd(c));
        Assert.True(table.Remove(a));
        Assert.False(table.Remove(a));
        Assert.True(table.TryAdd(c));
        a.Terminate(); // no longer tabled: nothing happens to the others
        Assert.Equal(2, table.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipDialogTable(0));
    }

    [Fact]
    public void Concurrent_adds_and_terminations_leave_no_dialog_behind()
    {
        var table = new SipDialogTable();
        var dialogs = Enumerable.Range(0, 2000).Select(i => Uas(Parse(Invite(callId: $"c-{i}")))).ToArray();
        Parallel.ForEach(dialogs, d =>
        {
            table.TryAdd(d);
            d.Terminate();
        });
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Stray_ack_stops_the_2xx_retransmission_of_its_dialog()
    {
        var time = new FakeTimeProvider();
        var table = new SipDialogTable();
        var router = new DialogMessageRouter(table);
        var dialog = Uas(Parse(Invite(cseq: 314)));
        table.TryAdd(dialog);
        int resent = 0;
        var retransmitter = new InviteSuccessRetransmitter(314, () => { resent++; return true; }, time, SipTimerSettings.Default, _ => { });
        retransmitter.Start();
        dialog.AwaitAck(retransmitter);

        Assert.True(router.RouteAck(Parse(InDialogRequest("ACK", 314, "other-tag"))).NoDialog);
        var wrongCSeq = router.RouteAck(Parse(InDialogRequest("ACK", 313, "bob-tag")));
        Assert.Equal(AckMatch.NotAwaited, wrongCSeq.Match);
        Assert.True(retransmitter.IsPending);

        var outcome = router.RouteAck(Parse(InDialogRequest("ACK", 314, "bob-tag")));
        Assert.Same(dialog, outcome.Dialog);
        Assert.Equal(AckMatch.Awaited, outcome.Match);
        Assert.False(retransmitter.IsPending);
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, resent);
        Assert.Equal(AckMatch.NotAwaited, router.RouteAck(Parse(InDialogRequest("ACK", 314, "bob-tag"))).Match);
    }

    [Fact]
    public void Stray_2xx_retransmission_gets_the_same_ack_and_others_are_discarded()
    {
        var table = new SipDialogTable();
        var router = new DialogMessageRouter(table);
        var invite = Parse(Invite(cseq: 3));
        var ok = Parse(Response(invite, 200, "OK", "bob-tag"));
        var dialog = Uac(invite, ok);
        table.TryAdd(dialog);
        var ack = dialog.CreateAck(3);

        var outcome = router.RouteResponse(ok);
        Assert.Equal(StrayResponseAction.ResendAck, outcome.Action);
        Assert.Same(ack, outcome.Ack);
        Assert.Equal(StrayResponseAction.Discard, router.RouteResponse(Parse(Response(invite, 180, "Ringing", "bob-tag"))).Action);
        Assert.Equal(StrayResponseAction.Discard, router.RouteResponse(Parse(Response(invite, 200, "OK", "unknown-fork"))).Action);
        var future = Parse(Response(Parse(Invite(cseq: 9)), 200, "OK", "bob-tag"));
        Assert.Equal(StrayResponseAction.Discard, router.RouteResponse(future).Action); // no INVITE of ours has CSeq 9
        dialog.Terminate();
        Assert.Equal(StrayResponseAction.Discard, router.RouteResponse(ok).Action);
    }

    [Fact]
    public void In_dialog_requests_are_routed_or_refused_with_481_and_500()
    {
        var table = new SipDialogTable();
        var router = new DialogMessageRouter(table);
        var dialog = Uas(Parse(Invite(cseq: 10)));
        table.TryAdd(dialog);

        var ok = router.RouteRequest(Parse(InDialogRequest("INFO", 11, "bob-tag")));
        Assert.True(ok.Accepted);
        Assert.Same(dialog, ok.Dialog);
        var old = router.RouteRequest(Parse(InDialogRequest("INFO", 9, "bob-tag")));
        Assert.False(old.Accepted);
        Assert.Equal(500, old.StatusCode);
        var unknown = router.RouteRequest(Parse(InDialogRequest("BYE", 12, "nobody")));
        Assert.Equal((481, false), (unknown.StatusCode, unknown.Accepted));
        dialog.Terminate();
        Assert.Equal(481, router.RouteRequest(Parse(InDialogRequest("BYE", 12, "bob-tag"))).StatusCode);
    }
}
