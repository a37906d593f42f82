namespace ContactCenter.Media.Tests.Rtp;

/// <summary>The RTP captures shipped by Debian's sip-tester (sipp) package, which the test script installs.</summary>
internal static class SipTesterCaptures
{
    public const string Directory = "/usr/share/sip-tester";

    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: install the Debian package sip-tester (apt-get install -y sip-tester).", path);
        }

        return path;
    }
}
