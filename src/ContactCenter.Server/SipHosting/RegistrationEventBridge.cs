using ContactCenter.Events;
using ContactCenter.Events.Contracts;
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
            b.Source.Transport.ToString().ToLowerInvariant(), b.Source.RemoteEndPoint.ToString(), b.UserAgent));
    }

    public void Dispose() => _location.Changed -= OnChanged;
}
