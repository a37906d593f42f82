using System.Collections.Concurrent;
using System.Threading.Channels;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// Calls the ACD routes: a trunk call to an ACD entry point is answered and queued with music, offered to an agent's
/// extension by command (auto-answer headers in automatic mode), bridged on answer; failures and abandons are reported.
/// </summary>
public sealed class AcdQueueCallTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    /// <summary>A stand-in ACD: owns DID +12125550199 as service "acd-support" and records what the engine reports.</summary>
    private sealed class RecordingQueue : ICallQueue
    {
        public Channel<string> Reports { get; } = Channel.CreateUnbounded<string>();
        public ConcurrentQueue<QueuedCall> Queued { get; } = new();

        public string? ServiceForNumber(string dialled, string? e164) => e164 == "+12125550199" ? "acd-support" : null;

        public void Enqueued(QueuedCall call)
        {
            Queued.Enqueue(call);
            Reports.Writer.TryWrite($"enqueued {call.ServiceId}");
        }

        public void OfferAnswered(string callId, string agentId) => Reports.Writer.TryWrite($"answered {agentId}");
        public void OfferFailed(string callId, string agentId, bool rejected) => Reports.Writer.TryWrite($"failed {agentId} rejected={rejected}");
        public void Abandoned(string callId) => Reports.Writer.TryWrite("abandoned");
        public void Ended(string callId) => Reports.Writer.TryWrite("ended");

        public async Task<string> NextAsync() => await Reports.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static async Task<(SipMessage Ok, QueuedCall Queued)> QueueACallAsync(CallEngineHarness h, RecordingQueue queue, string callId)
    {
        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "2125551234", "2125550199", callId, Branch()));
        var ok = await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, callId);
        Assert.Equal(200, ok.StatusCode); // answered by us: the caller hears music while it waits
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "ACK", ok, 1));
        Assert.Equal("enqueued acd-support", await queue.NextAsync());
        Assert.True(queue.Queued.TryDequeue(out var queued));
        Assert.Equal("+12125551234", queued.Caller);
        Assert.Equal("+12125550199", queued.Did);
        return (ok, queued);
    }

    [Fact]
    public async Task A_queued_call_hears_music_is_offered_with_auto_answer_and_is_bridged_to_the_agent()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var queue = new RecordingQueue();
        h.Engine.Queue = queue;
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (ok, queued) = await QueueACallAsync(h, queue, "acd1");
        var call = h.Engine.FindCall(queued.CallId)!;
        Assert.Equal(CallState.Queued, call.State);
        Assert.NotNull(call.CallerMedia!.Endpoint.Playing);

        var offered = await h.Engine.OfferToAgentAsync(call.Id, "ana", "2002", AnswerMode.Automatic, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.True(offered.Succeeded, offered.Message);
        Assert.Equal("offer_pending", (await h.Engine.OfferToAgentAsync(call.Id, "bruno", "2003", AnswerMode.Automatic, TimeSpan.Zero, TimeSpan.FromSeconds(10))).Code);
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("answer-after=0", invite.GetHeaderString(HeaderId.CallInfo));
        Assert.Contains("<sip:+12125551234@", invite.GetHeaderString(HeaderId.From));
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "agent1", h.Callee.Sdp));
        await h.Callee.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal("answered ana", await queue.NextAsync());
        Assert.Equal(CallState.Talking, call.State);
        Assert.Equal("ana", call.Agent);
        Assert.Null(call.CallerMedia.Endpoint.Playing);
        Assert.Same(call.CalleeMedia, call.CallerMedia.BridgedPeer);

        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "BYE", ok, 2));
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
        Assert.Equal("ended", await queue.NextAsync());
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal("acd-support", record.ServiceId);
        Assert.Equal("2002", record.AnsweredBy);
    }

    [Fact]
    public async Task A_busy_agent_is_a_rejection_a_silent_one_a_no_answer_and_a_caller_leaving_an_abandon()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var queue = new RecordingQueue();
        h.Engine.Queue = queue;
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (ok, queued) = await QueueACallAsync(h, queue, "acd2");

        Assert.True((await h.Engine.OfferToAgentAsync(queued.CallId, "ana", "2002", AnswerMode.Manual, TimeSpan.Zero, TimeSpan.FromSeconds(10))).Succeeded);
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Null(invite.GetHeaderString(HeaderId.CallInfo));
        await h.Callee.SendAsync(h.Callee.Response(invite, 486, "Busy Here", "agent1"));
        Assert.Equal("failed ana rejected=True", await queue.NextAsync());

        Assert.True((await h.Engine.OfferToAgentAsync(queued.CallId, "bruno", "2003", AnswerMode.Manual, TimeSpan.Zero, TimeSpan.FromMilliseconds(300))).Succeeded);
        var ring = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        await h.Third.SendAsync(h.Third.Response(ring, 180, "Ringing", "agent2"));
        Assert.Equal("failed bruno rejected=False", await queue.NextAsync());
        await h.Third.ReceiveRequestAsync(SipMethod.Cancel); // the ringing phone stops

        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "BYE", ok, 2));
        Assert.Equal("abandoned", await queue.NextAsync());
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Null(record.AnsweredBy);
        Assert.Equal(HangupSide.Caller, record.HangupSide);
    }

    [Fact]
    public async Task Manual_accept_by_command_reinvites_the_agent_with_auto_answer()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var queue = new RecordingQueue();
        h.Engine.Queue = queue;
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (_, queued) = await QueueACallAsync(h, queue, "acd3");

        Assert.True((await h.Engine.OfferToAgentAsync(queued.CallId, "ana", "2002", AnswerMode.Manual, TimeSpan.Zero, TimeSpan.FromSeconds(10))).Succeeded);
        var ringing = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(ringing, 180, "Ringing", "agent1"));
        Assert.True((await h.Engine.AcceptOfferAsync(queued.CallId, "ana", "2002")).Succeeded);
        await h.Callee.ReceiveRequestAsync(SipMethod.Cancel);
        var auto = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CallIdString != ringing.CallIdString);
        Assert.Contains("answer-after=0", auto.GetHeaderString(HeaderId.CallInfo));
        await h.Callee.SendAsync(h.Callee.Response(auto, 200, "OK", "agent2", h.Callee.Sdp));
        Assert.Equal("answered ana", await queue.NextAsync());
        Assert.Equal("no_offer", (await h.Engine.WithdrawOfferAsync(queued.CallId, "ana")).Code);
    }
}
