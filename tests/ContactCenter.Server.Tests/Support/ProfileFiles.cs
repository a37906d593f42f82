namespace ContactCenter.Server.Tests.Support;

/// <summary>Writes profile files for tests.</summary>
public static class ProfileFiles
{
    public const string LoopbackUdpAndTcp = """
        "Listen": [
          { "Transport": "udp", "Address": "127.0.0.1", "Port": 0 },
          { "Transport": "tcp", "Address": "127.0.0.1", "Port": 0 }
        ]
        """;

    public static string Write(string directory, string fileName, string json)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A profile listening on loopback port 0 with the given extensions (JSON objects).</summary>
    public static string WriteSimple(string directory, string name, params string[] extensions) =>
        Write(directory, name + ".json", $$"""
            {
              "Name": "{{name}}",
              {{LoopbackUdpAndTcp}},
              "Extensions": [ {{string.Join(", ", extensions)}} ]
            }
            """);

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ContactCenter.sln not found above {AppContext.BaseDirectory}.");
    }
}
