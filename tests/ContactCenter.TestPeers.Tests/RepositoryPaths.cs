namespace ContactCenter.TestPeers.Tests;

/// <summary>Finds files of this repository from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LoadDirectory => Path.Combine(Root, "tests", "load");

    public static string LoadFile(string name) => Path.Combine(LoadDirectory, name);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No ContactCenter.sln above {AppContext.BaseDirectory}.");
    }
}
