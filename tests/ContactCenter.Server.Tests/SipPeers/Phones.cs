using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>Helpers for call tests: a baresip registered as one of the server's extensions, the next call.ended.</summary>
internal static class Phones
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static async Task<BaresipProcess> RegisteredAsync(RunningSipServer server, string user, BaresipAnswerMode answer)
    {
        var phone = await BaresipProcess.StartAsync(new BaresipOptions
        {
            User = user,
            Password = "pw-" + user,
            Registrar = server.Udp.ToString(),
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

    public static async Task<CallEventPayload> NextEndedAsync(IEventSubscription events)
    {
        using var cts = new CancellationTokenSource(Wait);
        Assert.True(await events.WaitToReadAsync(cts.Token));
        Assert.True(events.TryRead(out var envelope));
        return Assert.IsType<CallEventPayload>(envelope!.Payload);
    }
}
