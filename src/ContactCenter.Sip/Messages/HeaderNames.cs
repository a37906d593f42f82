using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Header names to <see cref="HeaderId"/>: case-insensitive, compact forms included (RFC 3261 §7.3.3).</summary>
public static partial class HeaderNames
{
    private static readonly HeaderInfo[] Infos = CreateInfos();

    // Names grouped by length and first letter, so a lookup compares against one or two candidates.
    private const int Letters = 27; // a-z, and one slot for anything else
    private static readonly int MaxLength = Infos.Max(i => i.CanonicalBytes.Length);
    private static readonly HeaderInfo[][] ByLengthAndLetter = BuildByLengthAndLetter();
    private static readonly HeaderId[] ByCompact = BuildByCompact();

    private static int Slot(int length, byte first)
    {
        uint letter = (uint)((first | 0x20) - 'a');
        return length * Letters + (letter < 26 ? (int)letter : 26);
    }

    private static HeaderInfo[][] BuildByLengthAndLetter()
    {
        var table = new HeaderInfo[(MaxLength + 1) * Letters][];
        for (int slot = 0; slot < table.Length; slot++) table[slot] = [];
        foreach (var info in Infos)
        {
            if (info.Id == HeaderId.Other) continue;
            int slot = Slot(info.CanonicalBytes.Length, info.CanonicalBytes[0]);
            table[slot] = [.. table[slot], info];
        }
        return table;
    }

    private static HeaderId[] BuildByCompact()
    {
        var table = new HeaderId[128];
        foreach (var info in Infos)
        {
            if (info.Compact is not byte c) continue;
            table[c] = info.Id;
            table[c - 32] = info.Id; // compact forms are case-insensitive too
        }
        return table;
    }

    public static HeaderId Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length <= 1)
            return name.Length == 1 && name[0] < 128 ? ByCompact[name[0]] : HeaderId.Other;
        if (name.Length > MaxLength) return HeaderId.Other;
        foreach (var info in ByLengthAndLetter[Slot(name.Length, name[0])])
        {
            if (info.Matches(name)) return info.Id;
        }
        return HeaderId.Other;
    }

    public static string CanonicalName(HeaderId id) => Infos[(int)id].Canonical;

    public static ReadOnlySpan<byte> CanonicalBytes(HeaderId id) => Infos[(int)id].CanonicalBytes;

    public static bool IsMultiValue(HeaderId id) => Infos[(int)id].MultiValue;

    internal static string Describe(HeaderId id, ReadOnlySpan<byte> rawName) =>
        id != HeaderId.Other ? CanonicalName(id) : Encoding.ASCII.GetString(rawName);
}
