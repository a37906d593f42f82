namespace ContactCenter.Media.Sdp;

/// <summary>
/// One <c>m=</c> position of the session as last agreed. RFC 3264 §8 keeps every position in later offers, so a
/// stream we do not carry is repeated disabled (port 0) with its type, transport and formats.
/// </summary>
internal sealed record MediaSlot(string MediaType, string Protocol, IReadOnlyList<string> Formats)
{
    public static MediaSlot Of(MediaDescription media) => new(media.MediaType, media.Protocol, media.Formats);

    public MediaDescription Disabled() => new()
    {
        MediaType = MediaType,
        Port = 0,
        Protocol = Protocol,
        Formats = Formats,
    };
}
