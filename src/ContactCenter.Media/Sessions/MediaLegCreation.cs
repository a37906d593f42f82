using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using ContactCenter.Media.Ports;

namespace ContactCenter.Media.Sessions;

/// <summary>The outcome of <see cref="MediaEngine.CreateLeg"/>: a leg, or why there is none (the call engine answers 503).</summary>
/// <param name="Leg">The new leg when <see cref="Succeeded"/>; the caller disposes it.</param>
/// <param name="Error"><see cref="RtpPortAllocationError.Exhausted"/> when every port pair is in use, or a bind failure.</param>
/// <param name="SocketError">The socket error behind <see cref="RtpPortAllocationError.BindFailed"/>.</param>
public readonly record struct MediaLegCreation(MediaLeg? Leg, RtpPortAllocationError Error, SocketError SocketError)
{
    /// <summary>True when a leg was created.</summary>
    [MemberNotNullWhen(true, nameof(Leg))]
    public bool Succeeded => Leg is not null;
}
