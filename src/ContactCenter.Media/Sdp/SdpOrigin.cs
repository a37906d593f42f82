namespace ContactCenter.Media.Sdp;

/// <summary>
/// The <c>o=</c> line (RFC 8866 §5.2). <see cref="SessionId"/> is kept as written (1*DIGIT, possibly longer than 64
/// bits); <see cref="SessionVersion"/> is what RFC 3264 §8 increments each time a party changes its description.
/// </summary>
public sealed record SdpOrigin(
    string UserName,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    /// <summary>Whether <paramref name="other"/> is the same session from the same party: every field but the version.</summary>
    public bool SameSessionAs(SdpOrigin other) =>
        UserName == other.UserName && SessionId == other.SessionId && NetworkType == other.NetworkType
        && AddressType == other.AddressType && Address == other.Address;
}
