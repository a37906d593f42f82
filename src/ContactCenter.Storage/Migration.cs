using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Storage;

/// <summary>
/// One numbered schema change of one module. Once applied it must never change: its checksum is stored and checked
/// at every start, so an edited migration is caught instead of silently diverging databases.
/// </summary>
public sealed record Migration(string Module, int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public override string ToString() => $"{Module} {Version:D4} {Name}";
}
