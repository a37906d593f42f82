using System.Net.Sockets;
using System.Text;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Cti.Tests.Channel;

/// <summary>Heartbeats, and a stalled subscriber while events keep flowing.</summary>
public sealed class ChannelFlowTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task An_idle_channel_sends_a_heartbeat_every_interval_carrying_the_position()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, time: time);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        await using var channel = await SseClient.ConnectAsync(host, token, subscription);
        host.Bus.Publish("call.x");
        Assert.Equal(1, (await channel.ReadEventAsync()).Seq);
        for (int i = 0; i < 3; i++)
            host.Bus.Publish("agent.filtered_out");

        // The session arms its timer when it starts waiting; step the clock until the heartbeat shows up.
        SseMessage? heartbeat = null;
        for (int i = 0; i < 50 && heartbeat is null; i++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            try
            {
                heartbeat = await channel.ReadAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (OperationCanceledException)
            {
            }
        }

        Assert.NotNull(heartbeat);
        Assert.Equal("heartbeat", heartbeat.Event);
        Assert.Equal(4, heartbeat.Json().GetProperty("seq").GetInt64());
        Assert.Equal(4, heartbeat.Seq); // the filtered-out events are behind the position: a resume starts after them
    }

    [Fact]
    public async Task A_stalled_subscriber_never_slows_publishers_and_is_told_exactly_what_it_missed()
    {
        const int Events = 20_000;
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true,
            busOptions: new InProcessEventBusOptions { HistoryCapacity = 2048, SubscriberBufferCapacity = 256 });
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string stalledSubscription = await host.SubscribeAsync(token, new { });
        string readingSubscription = await host.SubscribeAsync(token, new { });

        // The stalled client sends its request and never reads: its socket buffers fill, then the server's.
        using var stalled = await OpenRawChannelAsync(host, token, stalledSubscription);
        using var reading = await OpenRawChannelAsync(host, token, readingSubscription);
        var readingStream = new StreamReader(reading.GetStream(), Encoding.UTF8);
        var reader = Task.Run(() => ReadUntilAsync(readingStream, Events));

        var payload = new { text = new string('p', 1000) };
        var publisher = Task.Run(() =>
        {
            for (int i = 0; i < Events; i++)
                host.Bus.Publish("call.flow", payload, new EventSubject(CallId: "c"));
        });
        // Completes while the stalled client has read nothing at all: a guard against a blocked publisher, not a timing test.
        await publisher.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Events, host.Bus.CurrentSeq);

        await reader.WaitAsync(TimeSpan.FromSeconds(120));
        int stalledResyncs = await ReadUntilAsync(new StreamReader(stalled.GetStream(), Encoding.UTF8), Events);
        Assert.True(stalledResyncs > 0, "the stalled client fell behind the history, so it must have been told to re-sync");
    }

    private static async Task<TcpClient> OpenRawChannelAsync(CtiTestHost host, string token, string subscription)
    {
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /cti/v1/channel/{subscription} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n"));
        return client;
    }

    /// <summary>
    /// Reads a raw SSE stream up to event <paramref name="lastSeq"/>, asserting that events are consecutive except
    /// right after an explicit resync_required, which names where the stream goes on. Returns the number of resyncs.
    /// </summary>
    private static async Task<int> ReadUntilAsync(StreamReader stream, long lastSeq)
    {
        long previous = 0;
        int resyncs = 0;
        string? id = null, type = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (previous < lastSeq)
        {
            string line = await stream.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                long seq = long.Parse(id!);
                if (type == "resync_required")
                {
                    resyncs++;
                    Assert.True(seq >= previous, $"resync to {seq} after {previous}");
                    previous = seq;
                }
                else if (type is null)
                {
                    Assert.Equal(previous + 1, seq);
                    previous = seq;
                }
                id = type = null;
            }
        }
        return resyncs;
    }

    public void Dispose() => _data.Dispose();
}
