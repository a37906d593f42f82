namespace ContactCenter.Media.Sdp;

/// <summary>
/// A stream's direction attribute (RFC 8866 §6.7), always from the point of view of the party whose description
/// carries it: <see cref="SendOnly"/> in the remote's description means the remote sends and we receive.
/// </summary>
public enum SdpDirection : byte
{
    /// <summary><c>a=sendrecv</c>, also the meaning when no direction attribute is present.</summary>
    SendRecv,

    /// <summary><c>a=sendonly</c>: the writer sends but does not want to receive (how a phone puts the other party on hold).</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>: the writer receives but will not send.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>: neither.</summary>
    Inactive,
}
