using System.Net;
using System.Net.Sockets;

namespace ContactCenter.TestPeers.Tests;

public class FreePortTests
{
    [Fact]
    public void UdpAndTcp_port_can_be_bound_for_both()
    {
        var port = FreePort.UdpAndTcp();

        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
        tcp.Listen();
    }

    [Fact]
    public void Ports_are_not_handed_out_twice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Udp()).Concat(Enumerable.Range(0, 50).Select(_ => FreePort.Tcp())).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void Udp_range_is_consecutive_unbound_and_below_the_ephemeral_range()
    {
        var (first, last) = FreePort.UdpRange(40);

        Assert.Equal(39, last - first);
        Assert.InRange(first, 20000, 32000 - 40);
        Assert.All(Enumerable.Range(first, 40), port => Assert.False(PortProbe.IsInUse(port)));
    }

    [Fact]
    public void Port_probe_sees_which_process_holds_a_port()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.LocalEndPoint!).Port;

        Assert.True(PortProbe.IsInUse(port));
        Assert.True(PortProbe.IsBoundBy(Environment.ProcessId, port, ProtocolType.Udp));
        Assert.False(PortProbe.IsBoundBy(Environment.ProcessId, port, ProtocolType.Tcp));
        Assert.False(PortProbe.IsBoundBy(1, port, ProtocolType.Udp));
    }
}
