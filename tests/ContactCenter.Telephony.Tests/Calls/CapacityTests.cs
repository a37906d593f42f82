using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>Overload is refused with 503 and Retry-After, so phones and trunks back off; nothing is left allocated.</summary>
public sealed class CapacityTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_call_beyond_max_calls_is_503_with_retry_after_and_the_first_call_rings_on()
    {
        await using var h = new CallEngineHarness(maxCalls: 1);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "first", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);

        await h.Caller.SendAsync(h.Invite("2002", "second", Branch()));
        var refused = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "second");
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("5", refused.GetHeaderString(HeaderId.RetryAfter));
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(300), m => m.IsRequest && m.Method == SipMethod.Invite && m.CallIdString == invite.CallIdString);
        Assert.Single(h.Engine.ActiveCalls);

        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        Assert.Equal(200, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "first")).StatusCode);
    }

    [Fact]
    public async Task An_ended_call_is_released_at_once_and_a_late_2xx_retransmission_is_still_acked_without_it()
    {
        await using var h = new CallEngineHarness(maxCalls: 1);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "done1", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        var calleeOk = h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp);
        await h.Callee.SendAsync(calleeOk);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "done1");
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "BYE", ok, 2));
        await h.NextEndedAsync();
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == invite.CallIdString);

        // Our INVITE to the callee keeps its transaction for 32 s after the 2xx (RFC 6026), but not the call: it is
        // released as soon as it has ended, and the next call is taken at once.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (h.Engine.HeldCalls != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{h.Engine.HeldCalls} call(s) still held after the end");
            await Task.Delay(10);
        }

        // The callee did not get our ACK (as far as it knows) and retransmits its 2xx: it is ACKed again all the same.
        await h.Callee.SendAsync(calleeOk);
        var ack = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallIdString == invite.CallIdString);
        Assert.Equal(1u, ack.CSeq);

        await h.Caller.SendAsync(h.Invite("2002", "done2", Branch()));
        var next = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CallIdString != invite.CallIdString);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_call_whose_queue_is_full_refuses_more_work_and_takes_it_again_once_drained()
    {
        // Bounded memory per call: a burst the call cannot keep up with is refused (and logged), never queued without end.
        await using var h = new CallEngineHarness(queueCapacity: 4);
        using var held = new HeldCall(h, "queue-bound@test"); // its first item runs: four places are free
        var call = held.Call;
        var allRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int ran = 0;
        for (int i = 0; i < 4; i++)
            Assert.True(call.Post(() => { if (Interlocked.Increment(ref ran) == 4) allRan.SetResult(); }));
        Assert.False(call.Post(() => Interlocked.Increment(ref ran)));

        held.Release();
        await allRan.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(call.Post(() => again.SetResult())); // each item leaves the queue before it runs: it is empty now
        await again.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(4, Volatile.Read(ref ran)); // the refused one never ran
    }

    [Fact]
    public async Task An_engine_behind_on_its_work_refuses_new_calls_with_503_until_it_has_caught_up()
    {
        await using var h = new CallEngineHarness(maxPendingWork: 2);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        using var held = new HeldCall(h, "behind@test");
        var busy = held.Call;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int ran = 0;
        Assert.Equal(0, h.Engine.PendingWork); // the running item has left the queue
        for (int i = 0; i < 3; i++)
            Assert.True(busy.Post(() => { if (Interlocked.Increment(ref ran) == 3) drained.SetResult(); }));
        Assert.Equal(3, h.Engine.PendingWork);

        // Three items wait, the limit is two: a new call is refused at once, before anything is made for it.
        await h.Caller.SendAsync(h.Invite("2002", "behind", Branch()));
        var refused = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "behind");
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("5", refused.GetHeaderString(HeaderId.RetryAfter));
        Assert.Equal(1, h.Engine.RefusedWhileBehind);
        Assert.Empty(h.Engine.ActiveCalls);
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(200), m => m.IsRequest && m.Method == SipMethod.Invite);

        // Caught up: the next call goes through.
        held.Release();
        await drained.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, h.Engine.PendingWork);
        await h.Caller.SendAsync(h.Invite("2002", "caught-up", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.NotNull(invite);
        Assert.Equal(1, h.Engine.RefusedWhileBehind);
    }

    [Fact]
    public void Max_pending_work_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CallEngineOptions { MaxPendingWork = 0 });

    [Fact]
    public async Task Running_out_of_rtp_ports_is_503_with_retry_after_and_releases_the_callers_media()
    {
        // One RTP/RTCP pair: the caller's leg takes it, the callee's finds none.
        await using var h = new CallEngineHarness(rtpPorts: (43170, 43171));
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "noports", Branch()));
        var refused = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "noports");
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("5", refused.GetHeaderString(HeaderId.RetryAfter));
        var call = await h.NextEndedAsync();
        Assert.Equal(503, call.Record!.HangupCode);
        Assert.Equal(HangupSide.System, call.Record.HangupSide);
        Assert.Equal(0, h.MediaLegs);
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(300), _ => false);
    }

    /// <summary>A call whose queue is held by one running item until <see cref="Release"/>: what is posted meanwhile waits.</summary>
    private sealed class HeldCall : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public HeldCall(CallEngineHarness h, string id)
        {
            Call = new Call(h.Engine, id);
            using var running = new ManualResetEventSlim();
            Assert.True(Call.Post(() => { running.Set(); _release.Wait(TimeSpan.FromSeconds(10)); }));
            Assert.True(running.Wait(TimeSpan.FromSeconds(5))); // taken off the queue and running
        }

        public Call Call { get; }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }
    }
}
