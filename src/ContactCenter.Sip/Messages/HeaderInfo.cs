using System.Buffers.Binary;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>What the stack knows about one header name: canonical spelling, compact form, whether it takes comma-separated values.</summary>
internal sealed class HeaderInfo
{
    private readonly byte[] _lower;
    private readonly byte[] _letterMask;

    public HeaderInfo(HeaderId id, string canonical, byte? compact, bool multiValue)
    {
        Id = id;
        Canonical = canonical;
        CanonicalBytes = Encoding.ASCII.GetBytes(canonical);
        Compact = compact;
        MultiValue = multiValue;
        _lower = Encoding.ASCII.GetBytes(canonical.ToLowerInvariant());
        _letterMask = CanonicalBytes.Select(b => char.IsAsciiLetter((char)b) ? (byte)0x20 : (byte)0).ToArray();
    }

    public HeaderId Id { get; }
    public string Canonical { get; }
    public byte[] CanonicalBytes { get; }
    public byte? Compact { get; }
    /// <summary>RFC 3261 §7.3.1: the header's grammar is a comma-separated list, so several values may share one line.</summary>
    public bool MultiValue { get; }

    /// <summary>
    /// Case-insensitive match of a name of the same length, eight bytes at a time: OR-ing 0x20 lowercases exactly
    /// the letters (no other byte becomes a lowercase letter that way), and the mask applies it only where the
    /// canonical name has a letter, so "-" still has to be "-".
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> name)
    {
        int n = _lower.Length;
        if (name.Length != n) return false;
        if (n >= 8)
        {
            int i = 0;
            for (; i <= n - 8; i += 8)
                if (!Equal64(name, i)) return false;
            return i == n || Equal64(name, n - 8);
        }
        if (n >= 4) return Equal32(name, 0) && Equal32(name, n - 4);
        for (int i = 0; i < n; i++)
            if ((name[i] | _letterMask[i]) != _lower[i]) return false;
        return true;
    }

    private bool Equal64(ReadOnlySpan<byte> name, int at) =>
        (BinaryPrimitives.ReadUInt64LittleEndian(name[at..]) | BinaryPrimitives.ReadUInt64LittleEndian(_letterMask.AsSpan(at))) ==
        BinaryPrimitives.ReadUInt64LittleEndian(_lower.AsSpan(at));

    private bool Equal32(ReadOnlySpan<byte> name, int at) =>
        (BinaryPrimitives.ReadUInt32LittleEndian(name[at..]) | BinaryPrimitives.ReadUInt32LittleEndian(_letterMask.AsSpan(at))) ==
        BinaryPrimitives.ReadUInt32LittleEndian(_lower.AsSpan(at));
}
