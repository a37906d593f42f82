using System.Diagnostics;
using System.Globalization;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Recording;

/// <summary>Asks SoX (the Debian <c>sox</c> package) what it makes of a WAV file.</summary>
internal static class Sox
{
    /// <summary><c>sox --info</c> with one query flag (-c channels, -r rate, -s samples, -e encoding, -D seconds); fails the test if sox rejects the file.</summary>
    public static async Task<string> InfoAsync(string file, string query)
    {
        string sox = ExternalTool.Require("sox", "sox");
        var start = new ProcessStartInfo(sox) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--info");
        start.ArgumentList.Add(query);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sox did not start");
        try
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            string stderr = await error;
            Assert.True(process.ExitCode == 0, $"sox --info {query} {file} exited {process.ExitCode}: {stderr}");
            Assert.DoesNotContain("WARN", stderr, StringComparison.OrdinalIgnoreCase);
            return (await output).Trim();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public static async Task<long> SamplesAsync(string file) => long.Parse(await InfoAsync(file, "-s"), CultureInfo.InvariantCulture);

    /// <summary>Decodes the whole file to nowhere: proves every byte is readable.</summary>
    public static Task DecodeAllAsync(string file) => ExternalTool.RunAsync(ExternalTool.Require("sox", "sox"), file, "-n", "stat");
}
