namespace ContactCenter.TestPeers;

/// <summary>Finds the peer binaries, or says clearly how to install them.</summary>
public static class PeerAvailability
{
    public const string InstallHint =
        "run scripts/install-peers.sh (Debian packages sip-tester, baresip, baresip-core, linphone-cli, sox)";

    /// <summary>Where Debian's baresip-core puts its modules.</summary>
    public const string BaresipModulePath = "/usr/lib/baresip/modules";

    /// <summary>The modules <see cref="BaresipProcess"/> loads.</summary>
    public static IReadOnlyList<string> BaresipModules { get; } =
        ["g711.so", "ausine.so", "account.so", "menu.so", "ctrl_tcp.so"];

    /// <summary>The full path of <paramref name="executable"/> on PATH, or null.</summary>
    public static string? FindOnPath(string executable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The path of sipp; throws <see cref="PeerMissingException"/> when it is missing.</summary>
    public static string RequireSipp() => Require("sipp", "sip-tester");

    /// <summary>The path of linphonec (Linphone's console client); throws <see cref="PeerMissingException"/> when it is missing.</summary>
    public static string RequireLinphonec() => Require("linphonec", "linphone-cli");

    /// <summary>The path of sox; throws <see cref="PeerMissingException"/> when it is missing.</summary>
    public static string RequireSox() => Require("sox", "sox");

    /// <summary>
    /// The path of baresip, after checking the modules it needs are installed; throws
    /// <see cref="PeerMissingException"/> otherwise.
    /// </summary>
    public static string RequireBaresip()
    {
        var baresip = Require("baresip", "baresip-core");
        var missing = BaresipModules
            .Where(module => !File.Exists(Path.Combine(BaresipModulePath, module)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new PeerMissingException(
                $"baresip modules {string.Join(", ", missing)} are missing from {BaresipModulePath}: {InstallHint}");
        }
        return baresip;
    }

    private static string Require(string executable, string package)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The SIP test peers run on Linux only.");
        }
        return FindOnPath(executable)
            ?? throw new PeerMissingException(
                $"{executable} (Debian package {package}) is not installed or not on PATH: {InstallHint}");
    }

    private static bool IsExecutable(string file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
