using ContactCenter.Events;
using ContactCenter.Events.Contracts;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Server.SipHosting;

/// <summary>Publishes every change of the location service on the event bus as <c>registration.*</c> events.</summary>
public sealed class RegistrationEventBridge : IDisposable
{
    private readonly LocationService _location;
    private readonly IEventBus _bus;

    public RegistrationEventBridge(LocationService location, IEventBus bus)
    {
        _location = location;
        _bus = bus;
        _location.Changed += OnChanged;
    }

    private void OnChanged(RegistrationEvent change)
    {
        string type = change.Kind switch
        {
            RegistrationEventKind.Added => EventTypes.RegistrationAdded,
            RegistrationEventKind.Refreshed => EventTypes.RegistrationRefreshed,
            RegistrationEventKind.Removed => EventTypes.RegistrationRemoved,
            _ => EventTypes.RegistrationExpired,
        };
        var b = change.Binding;
        _bus.Publish(type, new RegistrationChanged(b.Aor, b.ContactUri, b.ExpiresAt,
            TransportName(b.Source.Transport), b.Source.RemoteEndPoint.ToString(), b.UserAgent));
    }

    /// <summary>Lower-case transport names without a string per event (every refresh publishes one).</summary>
    private static string TransportName(SipTransportKind transport) => transport switch
    {
        SipTransportKind.Udp => "udp",
        SipTransportKind.Tcp => "tcp",
        _ => transport.ToString().ToLowerInvariant(),
    };

    public void Dispose() => _location.Changed -= OnChanged;
}
