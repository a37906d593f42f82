using System.Reflection;
using System.Text.RegularExpressions;

namespace ContactCenter.Storage;

/// <summary>
/// Reads a module's migrations from SQL files embedded in its assembly: <c>Migrations/0001_create_cdrs.sql</c> becomes
/// version 1, name "create_cdrs". Modules keep their SQL next to their code.
/// </summary>
public static partial class EmbeddedMigrations
{
    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly, string module, string folder = "Migrations")
    {
        var migrations = new List<Migration>();
        string marker = "." + folder + ".";
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            int at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)) continue;
            var fileName = resource[(at + marker.Length)..^4];
            var match = FileName().Match(fileName);
            if (!match.Success)
                throw new MigrationException($"Migration resource '{resource}' must be named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(module, int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        return migrations;
    }

    [GeneratedRegex(@"^_?(\d{4})_([A-Za-z0-9_]+)$")]
    private static partial Regex FileName();
}
