using System.Diagnostics;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Runs a Debian command-line tool (sox, ffmpeg) for interoperability checks.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The tool's full path; fails the test with the install hint when it is missing.</summary>
    public static string Require(string name, string debianPackage)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, name);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not installed; this interoperability test needs it (apt-get install {debianPackage}).");
        return name;
    }

    /// <summary>Runs the tool to completion; fails the test on a non-zero exit or a hang, killing it by PID.</summary>
    public static async Task RunAsync(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        try
        {
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(cancellation.Token);
            string stderr = await error;
            await output;
            Assert.True(process.ExitCode == 0, $"{Path.GetFileName(path)} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
