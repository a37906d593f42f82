using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>What the stack knows about one header name: canonical spelling, compact form, whether it takes comma-separated values.</summary>
internal sealed class HeaderInfo(HeaderId id, string canonical, byte? compact, bool multiValue)
{
    public HeaderId Id { get; } = id;
    public string Canonical { get; } = canonical;
    public byte[] CanonicalBytes { get; } = Encoding.ASCII.GetBytes(canonical);
    public byte? Compact { get; } = compact;
    /// <summary>RFC 3261 §7.3.1: the header's grammar is a comma-separated list, so several values may share one line.</summary>
    public bool MultiValue { get; } = multiValue;
}
