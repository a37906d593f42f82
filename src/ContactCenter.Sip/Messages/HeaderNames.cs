using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Header names to <see cref="HeaderId"/>: case-insensitive, compact forms included (RFC 3261 §7.3.3).</summary>
public static partial class HeaderNames
{
    private static readonly HeaderInfo[] Infos = CreateInfos();

    // Names grouped by length so a lookup compares against a handful of candidates only.
    private static readonly HeaderInfo[][] ByLength = BuildByLength();
    private static readonly HeaderId[] ByCompact = BuildByCompact();

    private static HeaderInfo[][] BuildByLength()
    {
        int max = Infos.Max(i => i.CanonicalBytes.Length);
        var table = new HeaderInfo[max + 1][];
        for (int length = 0; length <= max; length++)
            table[length] = Infos.Where(i => i.Id != HeaderId.Other && i.CanonicalBytes.Length == length).ToArray();
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
        if (name.Length == 1)
            return name[0] < 128 ? ByCompact[name[0]] : HeaderId.Other;
        if (name.Length >= ByLength.Length) return HeaderId.Other;
        foreach (var info in ByLength[name.Length])
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, info.CanonicalBytes)) return info.Id;
        }
        return HeaderId.Other;
    }

    public static string CanonicalName(HeaderId id) => Infos[(int)id].Canonical;

    public static ReadOnlySpan<byte> CanonicalBytes(HeaderId id) => Infos[(int)id].CanonicalBytes;

    public static bool IsMultiValue(HeaderId id) => Infos[(int)id].MultiValue;

    internal static string Describe(HeaderId id, ReadOnlySpan<byte> rawName) =>
        id != HeaderId.Other ? CanonicalName(id) : Encoding.ASCII.GetString(rawName);
}
