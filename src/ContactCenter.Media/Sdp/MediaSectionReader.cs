namespace ContactCenter.Media.Sdp;

/// <summary>The lines of one media section while it is being read.</summary>
internal sealed class MediaSectionReader(string mediaType, int port, int? portCount, string protocol, List<string> formats)
{
    public string? Information { get; set; }

    public string? EncryptionKey { get; set; }

    public List<SdpConnection> Connections { get; } = [];

    public List<SdpBandwidth> Bandwidths { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    public MediaDescription Build() => new()
    {
        MediaType = mediaType,
        Port = port,
        PortCount = portCount,
        Protocol = protocol,
        Formats = formats,
        Information = Information,
        EncryptionKey = EncryptionKey,
        Connections = Connections,
        Bandwidths = Bandwidths,
        Attributes = Attributes,
    };
}
