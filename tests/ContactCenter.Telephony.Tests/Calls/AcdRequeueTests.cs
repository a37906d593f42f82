using System.Threading.Channels;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// The engine's side of ACD-08 and of the services' permissions: an answered ACD call goes back to a queue (its agent
/// hung up, the caller on music, announcements between the music) and is offered again; the agent's phone cannot
/// transfer by REFER when the service forbids it.
/// </summary>
public sealed class AcdRequeueTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    /// <summary>A stand-in ACD owning DID +12125550199 as "acd-sales"; transfers allowed or not.</summary>
    private sealed class StandInQueue(bool transfersAllowed) : ICallQueue
    {
        public Channel<string> Reports { get; } = Channel.CreateUnbounded<string>();
        public string? ServiceForNumber(string dialled, string? e164) => e164 == "+12125550199" ? "acd-sales" : null;
        public void Enqueued(QueuedCall call) => Reports.Writer.TryWrite("enqueued " + call.CallId);
        public void OfferAnswered(string callId, string agentId) => Reports.Writer.TryWrite($"answered {agentId}");
        public void OfferFailed(string callId, string agentId, bool rejected) => Reports.Writer.TryWrite($"failed {agentId}");
        public void Abandoned(string callId) => Reports.Writer.TryWrite("abandoned");
        public void Ended(string callId) => Reports.Writer.TryWrite("ended");
        public bool Permits(string serviceId, CallPermission permission) => permission != CallPermission.Transfer || transfersAllowed;
        public async Task<string> NextAsync() => await Reports.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static async Task<(SipMessage Ok, Call Call)> QueueAsync(CallEngineHarness h, StandInQueue queue, string callId)
    {
        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "2125551234", "2125550199", callId, Branch()));
        var ok = await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, callId);
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "ACK", ok, 1));
        var enqueued = await queue.NextAsync();
        return (ok, h.Engine.FindCall(enqueued["enqueued ".Length..])!);
    }

    /// <summary>Offers the call to <paramref name="agent"/>'s phone, which answers; returns the INVITE it got.</summary>
    private static async Task<SipMessage> AnswerAsync(CallEngineHarness h, StandInQueue queue, Call call, RawSipPeer phone, string agentId, string tag)
    {
        Assert.True((await h.Engine.OfferToAgentAsync(call.Id, agentId, phone.User, AnswerMode.Automatic, TimeSpan.Zero, TimeSpan.FromSeconds(10))).Succeeded);
        var invite = await phone.ReceiveRequestAsync(SipMethod.Invite);
        await phone.SendAsync(phone.Response(invite, 200, "OK", tag, phone.Sdp));
        await phone.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallIdString == invite.CallIdString);
        Assert.Equal($"answered {agentId}", await queue.NextAsync());
        return invite;
    }

    [Fact]
    public async Task A_requeued_call_drops_its_agent_hears_music_and_announcements_and_is_answered_by_the_next_agent()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var queue = new StandInQueue(transfersAllowed: true);
        h.Engine.Queue = queue;
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (ok, call) = await QueueAsync(h, queue, "rq1");
        var first = await AnswerAsync(h, queue, call, h.Callee, "ana", "ana1");
        Assert.Equal(CallState.Talking, call.State);

        Assert.True((await h.Engine.RequeueAsync(call.Id, "acd-billing")).Succeeded);

        var bye = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
        Assert.Equal(first.CallIdString, bye.CallIdString);
        await h.Callee.SendAsync(h.Callee.Response(bye, 200, "OK", "ana1"));
        Assert.Equal((CallState.Queued, "acd-billing", (string?)null), (call.State, call.Service, call.Agent));
        Assert.IsNotType<PromptSequence>(call.CallerMedia!.Endpoint.Playing); // music on hold
        Assert.NotNull(call.CallerMedia.Endpoint.Playing);
        Assert.Null(call.CallerMedia.BridgedPeer);

        Assert.True((await h.Engine.AnnounceAsync(call.Id, 3, 150)).Succeeded);
        var announcement = Assert.IsType<PromptSequence>(call.CallerMedia.Endpoint.Playing);
        Assert.NotNull(announcement.Then); // the music resumes after it
        Assert.Equal(["you-are-number", "n3", "in-line", "expected-wait", "n3", "minutes"], QueuePrompts.Words(3, 150));
        // A second announcement replaces the first instead of stacking on it.
        Assert.True((await h.Engine.AnnounceAsync(call.Id, 2, null)).Succeeded);
        Assert.Same(announcement.Then, Assert.IsType<PromptSequence>(call.CallerMedia.Endpoint.Playing).Then);

        await AnswerAsync(h, queue, call, h.Third, "bruno", "bruno1");
        Assert.Equal((CallState.Talking, "bruno"), (call.State, call.Agent));
        Assert.Null(call.CallerMedia.Endpoint.Playing);
        Assert.Equal("invalid_call_state", (await h.Engine.AnnounceAsync(call.Id, 1, null)).Code);

        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "BYE", ok, 2));
        Assert.Equal("ended", await queue.NextAsync());
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(("acd-billing", "2002"), (record.ServiceId, record.AnsweredBy));
        Assert.Contains(record.Legs, l => l.Party == "2002");
        Assert.Contains(record.Legs, l => l.Party == "2003");
    }

    [Fact]
    public async Task A_caller_leaving_after_a_requeue_is_an_abandon()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var queue = new StandInQueue(transfersAllowed: true);
        h.Engine.Queue = queue;
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (ok, call) = await QueueAsync(h, queue, "rq2");
        await AnswerAsync(h, queue, call, h.Callee, "ana", "ana2");
        Assert.True((await h.Engine.RequeueAsync(call.Id, "acd-sales")).Succeeded);
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);

        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "BYE", ok, 2));

        Assert.Equal("abandoned", await queue.NextAsync());
    }

    [Fact]
    public async Task The_agents_phone_cannot_transfer_by_refer_nor_by_command_when_the_service_forbids_it()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var queue = new StandInQueue(transfersAllowed: false);
        h.Engine.Queue = queue;
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (_, call) = await QueueAsync(h, queue, "rq3");
        var invite = await AnswerAsync(h, queue, call, h.Callee, "ana", "ana3");

        var refer = $"REFER {invite.GetHeaderString(HeaderId.Contact)!.Trim('<', '>')} SIP/2.0\r\n" +
                    $"Via: SIP/2.0/UDP 127.0.0.1:{h.Callee.Port};rport;branch={Branch()}\r\nMax-Forwards: 70\r\n" +
                    $"From: {invite.GetHeaderString(HeaderId.To)};tag=ana3\r\nTo: {invite.GetHeaderString(HeaderId.From)}\r\n" +
                    $"Call-ID: {invite.CallIdString}\r\nCSeq: 1 REFER\r\nContact: {h.Callee.Contact}\r\n" +
                    $"Refer-To: <sip:2003@{h.Server}>\r\nContent-Length: 0\r\n\r\n";
        await h.Callee.SendAsync(refer);

        var refused = await h.Callee.ReceiveAsync(m => m.IsResponse && m.CSeqMethod == SipMethod.Refer);
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("transfer_not_permitted", (await h.Engine.BlindTransferAsync(call.Id, "2002", "2003")).Code);
        Assert.Equal(CallState.Talking, call.State);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);
    }
}
