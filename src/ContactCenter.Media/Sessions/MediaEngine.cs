using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// The media engine's front door for the call engine: creates legs on ports from the configured range and drives all
/// of them from one media clock (register the engine itself as the clock's single <see cref="IMediaTickable"/>).
/// Thread-safe: legs may be created and disposed from any call's queue.
/// </summary>
public sealed class MediaEngine : IMediaTickable, IDisposable
{
    private readonly MediaEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly CodecCatalog _codecs;
    private readonly RtpPortAllocator _ports;
    private readonly IPAddress _advertised;
    private readonly Lock _legsGate = new();
    private MediaLeg[] _legs = [];
    private int _disposed;

    /// <summary>Creates an engine; throws <see cref="ArgumentException"/> on a configuration that cannot work.</summary>
    public MediaEngine(MediaEngineOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Capabilities.Validate();
        _advertised = options.AdvertisedAddress ?? options.Ports.BindAddress;
        if (_advertised.Equals(IPAddress.Any) || _advertised.Equals(IPAddress.IPv6Any))
        {
            throw new ArgumentException("Set AdvertisedAddress when the RTP sockets bind to a wildcard address.", nameof(options));
        }

        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _codecs = options.Codecs ?? CodecCatalog.Default;
        _ports = new RtpPortAllocator(options.Ports);
    }

    /// <summary>Legs alive now.</summary>
    public int ActiveLegs => Volatile.Read(ref _legs).Length;

    /// <summary>Port pairs in the range.</summary>
    public int PortCapacity => _ports.Capacity;

    /// <summary>Port pairs leased now (equals <see cref="ActiveLegs"/> unless a leg is being created or disposed).</summary>
    public int PortsInUse => _ports.Leased;

    /// <summary>
    /// Creates a leg: allocates an RTP/RTCP port pair, starts its receive loops and returns it with the local address for
    /// SDP; or a typed error when the range is exhausted (answer 503) or binding failed. <paramref name="events"/>
    /// receives DTMF and media-timeout events on media threads: post them to the call's queue and return.
    /// </summary>
    public MediaLegCreation CreateLeg(Action<MediaEvent>? events = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var allocation = _ports.TryAllocate();
        if (!allocation.Succeeded)
        {
            return new MediaLegCreation(null, allocation.Error, allocation.SocketError);
        }

        var lease = allocation.Lease;
        MediaLeg leg;
        try
        {
            leg = new MediaLeg(
                this,
                listener => new RtpEndpoint(lease, _options.Endpoint, listener, _time, _codecs),
                _options.Capabilities,
                _advertised,
                events);
            leg.Endpoint.Start();
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        lock (_legsGate)
        {
            _legs = [.. _legs, leg];
        }

        return new MediaLegCreation(leg, RtpPortAllocationError.None, System.Net.Sockets.SocketError.Success);
    }

    /// <summary>Runs every leg's 20 ms work; called by the media clock. A leg's fault never stops the others.</summary>
    public void OnTick(long tick)
    {
        foreach (var leg in Volatile.Read(ref _legs))
        {
            try
            {
                leg.Tick(tick);
            }
            catch (Exception)
            {
                // One leg's bug must not silence every call; the endpoint counts its own faults.
            }
        }
    }

    /// <summary>Disposes every leg (ports returned).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var leg in Volatile.Read(ref _legs))
        {
            leg.Dispose();
        }
    }

    internal void Remove(MediaLeg leg)
    {
        lock (_legsGate)
        {
            var index = Array.IndexOf(_legs, leg);
            if (index >= 0)
            {
                _legs = [.. _legs.AsSpan(0, index), .. _legs.AsSpan(index + 1)];
            }
        }
    }
}
