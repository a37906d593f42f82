namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>Reads torture-test messages byte-exact from the copies placed next to the test assembly.</summary>
public static class TortureVectors
{
    public static string Directory(string set) => Path.Combine(AppContext.BaseDirectory, "Vectors", set);

    public static byte[] Load(string set, string name) => File.ReadAllBytes(Path.Combine(Directory(set), name + ".dat"));

    public static byte[] Rfc4475(string name) => Load("rfc4475", name);

    public static byte[] Rfc5118(string name) => Load("rfc5118", name);

    public static IEnumerable<string> Names(string set) =>
        System.IO.Directory.EnumerateFiles(Directory(set), "*.dat").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order();
}
