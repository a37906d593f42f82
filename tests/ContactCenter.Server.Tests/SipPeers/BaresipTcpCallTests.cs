using ContactCenter.Events;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Two baresip extensions calling each other through the running server with TCP on one or both legs: every request and
/// response of a TCP leg rides that phone's connection (the INVITE to the callee goes back over the connection its
/// REGISTER came in on), with the media anchored in our engine as over UDP.
/// </summary>
public sealed class BaresipTcpCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(PeerTransport.Tcp, PeerTransport.Tcp)]
    [InlineData(PeerTransport.Tcp, PeerTransport.Udp)]
    [InlineData(PeerTransport.Udp, PeerTransport.Tcp)]
    public async Task Extensions_call_each_other_over_tcp_and_mixed_transports_with_media_through_our_engine(PeerTransport callerTransport, PeerTransport calleeTransport)
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await RegisteredAsync(server, "3002", BaresipAnswerMode.Auto, calleeTransport);
        await using var caller = await RegisteredAsync(server, "3001", BaresipAnswerMode.Manual, callerTransport);
        Assert.Equal(Kind(callerTransport), Assert.Single(server.Location.Lookup("3001")).Source.Transport);
        Assert.Equal(Kind(calleeTransport), Assert.Single(server.Location.Lookup("3002")).Source.Transport);

        var beforeDial = caller.Control.LastEventSequence;
        // Dialled at the server's socket of the caller's transport; baresip sends over its account's transport.
        await caller.Control.DialAsync($"sip:3002@{(callerTransport == PeerTransport.Tcp ? server.Tcp : server.Udp)}");
        var callerUp = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait, beforeDial);
        var calleeUp = await callee.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);
        Assert.Contains("3002", callerUp.PeerUri);
        Assert.Contains("3001", calleeUp.PeerUri);

        var call = Assert.Single(server.Calls.ActiveCalls);
        Assert.Equal(("3001", "3002"), (call.Caller, call.Callee));
        await Until(() => call.CallerMedia!.GetQualityReport().Inbound.Packets > 25 && call.CalleeMedia!.GetQualityReport().Inbound.Packets > 25,
            "RTP from both phones through the engine");
        Assert.Equal(CallState.Talking, call.State);
        Assert.True(call.CallerMedia!.GetQualityReport().Outbound.Packets > 0, "the engine relays the callee's audio to the caller");
        Assert.True(call.CalleeMedia!.GetQualityReport().Outbound.Packets > 0, "the engine relays the caller's audio to the callee");

        // The callee hangs up this time: the BYE comes in over the callee's connection and goes out over the caller's.
        await callee.Control.HangupAsync();
        await callee.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == calleeUp.CallId, Wait, calleeUp.Sequence);
        await caller.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == callerUp.CallId, Wait, callerUp.Sequence);

        var payload = await Phones.NextEndedAsync(ended);
        Assert.Equal(call.Id, payload.CallId);
        var cdr = server.Cdr.Find(call.Id);
        Assert.NotNull(cdr);
        Assert.Equal(CdrStatus.Completed, cdr.Status);
        Assert.Equal(CallDirection.Internal, cdr.Direction);
        Assert.Equal(("3001", "3002", "3002"), (cdr.Caller, cdr.Callee, cdr.AnsweredBy));
        Assert.Equal(HangupSide.Callee, cdr.HangupSide);
        Assert.True(cdr.TalkTime > TimeSpan.Zero, $"talk time {cdr.TalkTime}");
        Assert.Equal(2, cdr.Legs.Count);
        Assert.All(cdr.Legs, leg => Assert.True(leg.PacketsReceived > 0, $"{leg.Role} received {leg.PacketsReceived} packets"));
        Assert.Empty(server.Calls.ActiveCalls);
        // baresip's SIP trace (-s) heads every message with its transport and addresses: each INVITE rode its phone's.
        Assert.Equal(callerTransport.ToString().ToUpperInvariant(), TransportOfFirst(caller.Output, "INVITE sip:3002@"));
        Assert.Equal(calleeTransport.ToString().ToUpperInvariant(), TransportOfFirst(callee.Output, "INVITE sip:3002"));
    }

    private static SipTransportKind Kind(PeerTransport transport) => transport == PeerTransport.Tcp ? SipTransportKind.Tcp : SipTransportKind.Udp;

    private static async Task<BaresipProcess> RegisteredAsync(RunningSipServer server, string user, BaresipAnswerMode answer, PeerTransport transport)
    {
        var phone = await BaresipProcess.StartAsync(new BaresipOptions
        {
            User = user,
            Password = "pw-" + user,
            Registrar = (transport == PeerTransport.Tcp ? server.Tcp : server.Udp).ToString(),
            Transport = transport,
            RegistrationInterval = 600,
            AnswerMode = answer,
        });
        try
        {
            await phone.Control.WaitForEventAsync(BaresipEventTypes.RegisterOk, Wait);
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    /// <summary>The transport word ("TCP 127.0.0.1:a -> 127.0.0.1:b") on the trace line just before the first <paramref name="startLine"/>.</summary>
    private static string TransportOfFirst(string trace, string startLine)
    {
        var lines = trace.Split('\n');
        int index = Array.FindIndex(lines, line => line.StartsWith(startLine, StringComparison.Ordinal));
        Assert.True(index > 0, $"No {startLine} in the trace:\n{trace}");
        var header = lines[..index].Last(line => line.Contains(" -> ", StringComparison.Ordinal));
        return header.Split(' ')[0];
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
