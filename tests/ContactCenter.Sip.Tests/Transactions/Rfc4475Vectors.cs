using System.Runtime.CompilerServices;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>
/// RFC 4475 messages copied byte-exact into Vectors/ beside this file. They are read from the source tree (found
/// through the compiler's path of this file), so the test project needs no copy rule and no byte of them is retyped.
/// </summary>
internal static class Rfc4475Vectors
{
    public static byte[] Load(string name, [CallerFilePath] string thisFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(thisFile)!, "Vectors", name);
        Assert.True(File.Exists(path), $"RFC 4475 vector missing: {path}");
        return File.ReadAllBytes(path);
    }
}
