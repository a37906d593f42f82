namespace ContactCenter.TestPeers;

/// <summary>A sipp scenario: one built into sipp (<c>-sn</c>) or an XML file (<c>-sf</c>).</summary>
public sealed record SippScenario
{
    private SippScenario(string name, string? file)
    {
        Name = name;
        File = file;
    }

    /// <summary>The built-in name (uac, uas, …) or the file name without extension.</summary>
    public string Name { get; }

    /// <summary>The full path of the XML file, or null for a built-in scenario.</summary>
    public string? File { get; }

    public static SippScenario Uac { get; } = BuiltIn("uac");

    public static SippScenario Uas { get; } = BuiltIn("uas");

    /// <summary>A scenario built into sipp: uac, uas, regexp, branchc, branchs, 3pcc-*, …</summary>
    public static SippScenario BuiltIn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SippScenario(name, null);
    }

    /// <summary>A scenario file; the path is made absolute, since sipp runs in its own directory.</summary>
    public static SippScenario FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!System.IO.File.Exists(fullPath))
        {
            throw new FileNotFoundException($"sipp scenario {fullPath} does not exist.", fullPath);
        }
        return new SippScenario(Path.GetFileNameWithoutExtension(fullPath), fullPath);
    }

    internal IEnumerable<string> Arguments() => File is null ? ["-sn", Name] : ["-sf", File];

    public override string ToString() => File ?? $"-sn {Name}";
}
