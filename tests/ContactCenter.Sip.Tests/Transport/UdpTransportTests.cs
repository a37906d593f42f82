using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Transport;

public sealed class UdpTransportTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private SipTransportLayer _layer = null!;
    private Socket _client = null!;
    private IPEndPoint _server = null!;

    public Task InitializeAsync()
    {
        _layer = new SipTransportLayer(
            new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            NullSipLog.Instance, TimeProvider.System);
        _layer.Start(_handler);
        _server = _layer.LocalEndPoints[0].EndPoint;
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _layer.DisposeAsync();
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.ReceivedBytes);
    }

    [Fact]
    public async Task Datagram_is_parsed_and_handed_up_with_its_source()
    {
        await _client.SendToAsync(TestMessages.Options(), _server);
        var message = await _handler.NextAsync();
        Assert.Equal(SipMethod.Options, message.Method);
        Assert.Equal(SipTransportKind.Udp, message.Source!.Transport);
        Assert.Equal(((IPEndPoint)_client.LocalEndPoint!).Port, message.Source.RemoteEndPoint.Port);
    }

    [Fact]
    public async Task Response_goes_to_the_source_port_when_rport_is_present_and_carries_received_and_rport()
    {
        await _client.SendToAsync(TestMessages.Options(), _server);
        var request = await _handler.NextAsync();
        var destination = _layer.ResponseDestination(request);
        Assert.Equal(((IPEndPoint)_client.LocalEndPoint!).Port, destination.EndPoint.Port);
        Assert.True(_layer.Send(SipResponseFactory.Create(request, 200, "OK", "srvtag"u8).Finish(), destination));
        var response = await ReceiveAsync();
        int clientPort = ((IPEndPoint)_client.LocalEndPoint!).Port;
        Assert.StartsWith("SIP/2.0 200 OK\r\n", response);
        Assert.Contains($"Via: SIP/2.0/UDP 192.0.2.1:5070;rport={clientPort};branch=z9hG4bK-test1;received=127.0.0.1\r\n", response);
        Assert.Contains("To: <sip:server@127.0.0.1>;tag=srvtag\r\n", response);
    }

    [Fact]
    public async Task Without_rport_the_response_goes_to_the_received_address_and_sent_by_port()
    {
        await _client.SendToAsync(TestMessages.Options(via: "SIP/2.0/UDP 192.0.2.1:5999"), _server);
        var request = await _handler.NextAsync();
        var destination = _layer.ResponseDestination(request);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5999), destination.EndPoint);
    }

    [Fact]
    public async Task Malformed_request_is_answered_400_with_a_reason_naming_the_header()
    {
        var bad = Encoding.ASCII.GetString(TestMessages.Options()).Replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS");
        await _client.SendToAsync(Encoding.ASCII.GetBytes(bad), _server);
        var response = await ReceiveAsync();
        Assert.StartsWith("SIP/2.0 400 Malformed CSeq Header\r\n", response);
        Assert.Equal(1, _layer.Statistics.Rejected);
        Assert.False(_handler.TryRead(out _));
    }

    [Fact]
    public async Task Garbage_is_dropped_and_counted_and_the_loop_keeps_serving()
    {
        await _client.SendToAsync(new byte[] { 0, 1, 2, 3, 255, 13, 10, 13, 10 }, _server);
        await _client.SendToAsync("\r\n\r\n"u8.ToArray(), _server);
        await _client.SendToAsync(TestMessages.Options(), _server);
        var message = await _handler.NextAsync();
        Assert.Equal(SipMethod.Options, message.Method);
        // The socket is read by several receive threads, so the OPTIONS may be handled before the garbage is counted.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while ((_layer.Statistics.Dropped < 1 || _layer.Statistics.KeepAlives < 1) && DateTime.UtcNow < deadline)
            await Task.Yield();
        Assert.Equal(1, _layer.Statistics.Dropped);
        Assert.Equal(1, _layer.Statistics.KeepAlives);
    }

    [Fact]
    public async Task The_loop_runs_due_work_after_every_datagram_messages_keep_alives_and_garbage_alike()
    {
        await _client.SendToAsync(TestMessages.Options(), _server);
        await _handler.NextAsync();
        await _client.SendToAsync("\r\n\r\n"u8.ToArray(), _server);
        await _client.SendToAsync(new byte[] { 0, 1, 2, 3, 255, 13, 10, 13, 10 }, _server);

        // Counted on the receive threads after each datagram is handled: wait (bounded) for all three.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (_handler.DueWorkRuns < 3 && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.Equal(3, _handler.DueWorkRuns);
    }
}

public sealed class UdpIpv6TransportTests
{
    [Fact]
    public async Task Ipv6_loopback_socket_receives_and_answers_with_an_ipv6_received_parameter()
    {
        var handler = new RecordingHandler();
        await using var layer = new SipTransportLayer(
            new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.IPv6Loopback, 0))] },
            NullSipLog.Instance, TimeProvider.System);
        layer.Start(handler);
        var server = layer.LocalEndPoints[0].EndPoint;
        using var client = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        await client.SendToAsync(TestMessages.Options(via: "SIP/2.0/UDP [2001:db8::1]:5070;rport"), server);

        var request = await handler.NextAsync();
        Assert.Equal(IPAddress.IPv6Loopback, request.Source!.RemoteEndPoint.Address);
        Assert.True(layer.Send(SipResponseFactory.Create(request, 200, "OK", "t6"u8).Finish(), layer.ResponseDestination(request)));
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.IPv6Any, 0), cts.Token);
        var response = Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes);
        Assert.Contains(";received=::1", response);
    }
}
