using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>A transaction layer on a fake clock, a recording transport and a recording TU: one per test.</summary>
internal sealed class TransactionHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly SipDestination UdpServer = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5060));

    public static readonly SipDestination TcpServer = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5060), 7);

    public TransactionHarness(SipTimerSettings? timers = null, int maxServerTransactions = SipTransactionLayer.DefaultMaxServerTransactions)
    {
        Sender = new RecordingSender(Time, Start);
        Layer = new SipTransactionLayer(Sender, Time, timers ?? SipTimerSettings.Default, User, maxServerTransactions, CallbackErrors.Enqueue);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingSender Sender { get; }

    public RecordingTransactionUser User { get; } = new();

    public ConcurrentQueue<Exception> CallbackErrors { get; } = new();

    public SipTransactionLayer Layer { get; }

    public TimeSpan Now => Time.GetUtcNow() - Start;

    public SipMessage Receive(byte[] bytes, SipTransportKind transport = SipTransportKind.Udp)
    {
        var message = TestMessages.Parse(bytes, transport, transport == SipTransportKind.Udp ? 0 : 7);
        Layer.OnMessage(message);
        return message;
    }

    /// <summary>
    /// Moves the clock in 10 ms steps: FakeTimeProvider fires a due timer once per Advance with the clock already at the
    /// target, so a re-armed timer would otherwise see the wrong time. Every timer here is due on a 10 ms boundary.
    /// </summary>
    public void AdvanceTo(TimeSpan sinceStart)
    {
        while (Now < sinceStart)
        {
            var step = sinceStart - Now;
            Time.Advance(step < Step ? step : Step);
        }
    }

    public void Advance(TimeSpan by) => AdvanceTo(Now + by);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    public RecordingClientUser NewClientUser() => new(Time, Start) { Layer = Layer };

    /// <summary>No TU callback threw, and no transaction is left in the tables.</summary>
    public void AssertDrained()
    {
        Assert.Empty(CallbackErrors);
        Assert.Equal(0, Layer.ServerTransactionCount);
        Assert.Equal(0, Layer.ClientTransactionCount);
    }

    public void Dispose() => Layer.Dispose();

    /// <summary>The outcome of a server transaction that must have ended already (no waiting: the fake clock drove it).</summary>
    public static async Task<SipTransactionOutcome> Ended(Task<SipTransactionOutcome> completion)
    {
        Assert.True(completion.IsCompleted, "the transaction has not terminated");
        return await completion;
    }

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}
