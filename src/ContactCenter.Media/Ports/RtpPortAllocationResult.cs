using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;

namespace ContactCenter.Media.Ports;

/// <summary>The outcome of <see cref="RtpPortAllocator.TryAllocate"/>: a lease, or a typed error.</summary>
public readonly record struct RtpPortAllocationResult
{
    private RtpPortAllocationResult(RtpPortLease? lease, RtpPortAllocationError error, SocketError socketError)
    {
        Lease = lease;
        Error = error;
        SocketError = socketError;
    }

    /// <summary>The bound pair when <see cref="Succeeded"/>; the caller owns it and must dispose it.</summary>
    public RtpPortLease? Lease { get; }

    /// <summary>Why no lease was returned.</summary>
    public RtpPortAllocationError Error { get; }

    /// <summary>The socket error behind <see cref="RtpPortAllocationError.BindFailed"/>.</summary>
    public SocketError SocketError { get; }

    /// <summary>True when a lease was returned.</summary>
    [MemberNotNullWhen(true, nameof(Lease))]
    public bool Succeeded => Lease is not null;

    internal static RtpPortAllocationResult Success(RtpPortLease lease) => new(lease, RtpPortAllocationError.None, SocketError.Success);

    internal static RtpPortAllocationResult Failure(RtpPortAllocationError error, SocketError socketError = SocketError.Success) =>
        new(null, error, socketError);
}
