using ContactCenter.Events;
using ContactCenter.Events.Contracts;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Server.SipHosting;

public sealed partial class TrunkRegistration
{
    private RegistrationState _state;
    private int _statusCode;
    private string _reason = "Not started";
    private DateTimeOffset? _since;
    private string? _registrar;
    private DateTimeOffset? _expiresAt;
    private DateTimeOffset? _retryAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    /// <summary>Where the registration stands now; refreshes move <see cref="TrunkStatus.ExpiresAt"/> without an event.</summary>
    public TrunkStatus Status
    {
        get
        {
            lock (_gate)
            {
                var registration = _registration;
                int granted = registration?.GrantedExpires ?? 0;
                var next = registration is null ? _retryAt : registration.NextAttemptAt;
                var expiresAt = _expiresAt;
                // A refresh keeps the state (no transition to hear about): its end follows from when the next one is due.
                if (_state == RegistrationState.Registered && granted > 0 && registration?.NextAttemptAt is { } refreshAt)
                    expiresAt = refreshAt - RegistrationTiming.RefreshDelay(granted) + TimeSpan.FromSeconds(granted);
                return new TrunkStatus(Name, Profile, _state, _statusCode, _reason, _since, _registrar,
                    _state == RegistrationState.Registered ? granted : 0,
                    _state == RegistrationState.Registered ? expiresAt : null, next, _lastError, _lastErrorAt);
            }
        }
    }

    private void OnRegistrationChanged(RegistrationStateChange change) =>
        SetStatus(change.State, change.StatusCode, change.Reason, change.GrantedExpires, change.At);

    /// <summary>Records a state and publishes its event when it is a transition (Registering publishes nothing).</summary>
    private void SetStatus(RegistrationState state, int statusCode, string reason, int grantedExpires, DateTimeOffset at)
    {
        TrunkRegistrationChanged? payload = null;
        string? type = null;
        lock (_gate)
        {
            var previous = _state;
            bool transition = previous != state || _since is null;
            _state = state;
            _statusCode = statusCode;
            _reason = reason;
            if (transition) _since = at;
            _expiresAt = state == RegistrationState.Registered ? at.AddSeconds(grantedExpires) : null;
            if (state == RegistrationState.Failed)
            {
                _lastError = statusCode > 0 ? $"{statusCode} {reason}" : reason;
                _lastErrorAt = at;
            }
            type = state switch
            {
                RegistrationState.Registered => EventTypes.TrunkRegistered,
                RegistrationState.Failed => EventTypes.TrunkRegistrationFailed,
                RegistrationState.Unregistered => EventTypes.TrunkUnregistered,
                _ => null,
            };
            if (transition && type is not null)
            {
                payload = new TrunkRegistrationChanged(Name, Profile, StateName(state), state == RegistrationState.Registered,
                    previous == RegistrationState.Registered, statusCode, reason, _registrar, _expiresAt);
            }
        }
        // Outside the lock: the bus never waits on subscribers, but it has its own lock.
        if (payload is not null) _bus.Publish(type!, payload);
    }

    /// <summary>The state names the trunk.* events and the health check use (lower-case, as the event JSON writes enums).</summary>
    internal static string StateName(RegistrationState state) => state switch
    {
        RegistrationState.Registering => "registering",
        RegistrationState.Registered => "registered",
        RegistrationState.Failed => "failed",
        _ => "unregistered",
    };
}
