using System.Net.Sockets;
using System.Text;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Cti.Tests.Channel;

/// <summary>
/// A client that stops reading (dead peer, stuck desktop) on either transport: publishers never wait for it, and once a
/// batch has waited <c>ChannelSendTimeout</c> on the server's clock the connection is dropped, its lease and bus
/// subscription released. It can come back with its position.
/// </summary>
public sealed class ChannelSendTimeoutTests : IDisposable
{
    private const string WebSocketHandshake =
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

    private readonly TemporaryDirectory _data = new();

    [Theory]
    [InlineData("sse")]
    [InlineData("ws")]
    public async Task A_client_that_stops_reading_is_dropped_after_the_send_timeout_without_slowing_publishers(string transport)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, time: time,
            configure: o => o.ChannelSendTimeout = TimeSpan.FromSeconds(30),
            // The history holds every event, so the server keeps having data for this client until it is dropped.
            busOptions: new InProcessEventBusOptions { HistoryCapacity = 65_536, SubscriberBufferCapacity = 256 });
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        var connections = host.Services.GetRequiredService<ChannelConnections>();

        using var stalled = new TcpClient { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        string path = transport == "ws" ? $"/cti/v1/channel/{subscription}/ws" : $"/cti/v1/channel/{subscription}";
        await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
            $"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n{(transport == "ws" ? WebSocketHandshake : "")}\r\n"));
        await Eventually.TrueAsync(() => connections.Count == 1, TimeSpan.FromSeconds(10), "the channel is open");

        // 22 MB, far more than the socket buffers hold: the server's send to this client blocks.
        var payload = new { text = new string('p', 1000) };
        var publisher = Task.Run(() =>
        {
            for (int i = 0; i < 20_000; i++)
                host.Bus.Publish("call.flow", payload, new EventSubject(CallId: "c"));
        });
        await publisher.WaitAsync(TimeSpan.FromSeconds(60)); // a guard against a blocked publisher, not a timing test

        // Still open while the server's clock stands still; dropped once it has moved past the timeout.
        Assert.Equal(1, connections.Count);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (connections.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the stalled connection was never dropped");
            time.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(50);
        }

        // The connection is really gone: the client reads what was buffered, then the end of the stream.
        var stream = stalled.GetStream();
        stream.ReadTimeout = 10_000;
        var buffer = new byte[64 * 1024];
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await stream.ReadAsync(buffer, cancel.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // reset: also an end
        }
    }

    public void Dispose() => _data.Dispose();
}
