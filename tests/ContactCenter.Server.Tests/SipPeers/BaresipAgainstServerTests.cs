using ContactCenter.Events;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>baresip, a real softphone, registering to the running server with Digest.</summary>
public sealed class BaresipAgainstServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Softphone_registers_with_digest_and_is_found_by_the_location_service()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = [EventTypes.RegistrationAdded] });
        await using var phone = await BaresipProcess.StartAsync(new BaresipOptions
        {
            User = "3002",
            Password = "pw-3002",
            Registrar = server.Udp.ToString(),
            RegistrationInterval = 600,
        });
        await phone.Control.WaitForEventAsync(BaresipEventTypes.RegisterOk, Wait);

        var binding = Assert.Single(server.Location.Lookup("3002"));
        Assert.Contains("baresip", binding.UserAgent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(phone.SipPort, binding.Source.RemoteEndPoint.Port);
        using var cts = new CancellationTokenSource(Wait);
        Assert.True(await events.WaitToReadAsync(cts.Token));
        Assert.True(events.TryRead(out var added));
        Assert.Equal("3002", ((ContactCenter.Events.Contracts.RegistrationChanged)added!.Payload!).Extension);
    }

    [Fact]
    public async Task Softphone_with_a_wrong_password_is_refused()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var phone = await BaresipProcess.StartAsync(new BaresipOptions
        {
            User = "3003",
            Password = "not-the-password",
            Registrar = server.Udp.ToString(),
            RegistrationInterval = 600,
        });
        var failed = await phone.Control.WaitForEventAsync(BaresipEventTypes.RegisterFail, Wait);
        Assert.Contains("403", failed.Json);
        Assert.Empty(server.Location.Lookup("3003"));
    }
}
