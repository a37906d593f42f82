using System.Diagnostics;
using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>
/// One started peer process: captures its output (bounded), signals it by PID, and stops it with
/// a list of escalating signals followed by a kill of its process tree. Never looks processes up
/// by name.
/// </summary>
internal sealed class PeerProcess
{
    private readonly Process _process;
    private readonly BoundedText _output;
    private readonly BoundedText _error;
    private readonly Task _exited;
    private readonly TimeProvider _time;
    private int _exitCode;

    private PeerProcess(Process process, BoundedText output, BoundedText error, string commandLine, TimeProvider time)
    {
        _process = process;
        _output = output;
        _error = error;
        _time = time;
        CommandLine = commandLine;
        Id = process.Id;
        _exited = CaptureExitAsync();
    }

    public int Id { get; }

    public string CommandLine { get; }

    public bool HasExited => _exited.IsCompleted;

    /// <summary>Completes when the process has exited and its output is read to the end.</summary>
    public Task Exited => _exited;

    public int ExitCode => HasExited ? _exitCode : throw new InvalidOperationException("Still running.");

    public string StandardOutput => _output.ToString();

    public string StandardError => _error.ToString();

    /// <param name="environment">Variables set for the peer on top of ours (linphonec finds its data under HOME).</param>
    /// <param name="keepStandardInput">
    /// Keep stdin open for <see cref="WriteInputLineAsync"/>: for peers driven by console commands (linphonec), which
    /// quit at end of file. Otherwise stdin is closed at once.
    /// </param>
    public static PeerProcess Start(string executable, IReadOnlyList<string> arguments, string workingDirectory, TimeProvider time,
        IReadOnlyDictionary<string, string>? environment = null, bool keepStandardInput = false)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }
        var output = new BoundedText();
        var error = new BoundedText();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) error.AppendLine(line.Data); };
        process.Start();
        if (!keepStandardInput)
        {
            // The peers are told not to read stdin; an immediate EOF makes sure none waits on it.
            process.StandardInput.Close();
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PeerProcess(process, output, error, FormatCommandLine(executable, arguments), time);
    }

    /// <summary>Writes one line to the peer's stdin (started with keepStandardInput); false when it has exited or closed it.</summary>
    public async Task<bool> WriteInputLineAsync(string line)
    {
        if (HasExited)
        {
            return false;
        }
        try
        {
            await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="signal"/> unless the process has already exited.</summary>
    public bool Signal(int signal) => !HasExited && PosixSignal.Send(Id, signal);

    /// <summary>True when the process exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return true;
        }
        try
        {
            await _exited.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends each signal in turn, waiting its grace period for the process to exit, then kills
    /// the whole tree. Returns once the process is gone.
    /// </summary>
    public async Task StopAsync(IEnumerable<(int Signal, TimeSpan Grace)> steps)
    {
        foreach (var (signal, grace) in steps)
        {
            if (HasExited)
            {
                return;
            }
            Signal(signal);
            if (await WaitForExitAsync(grace).ConfigureAwait(false))
            {
                return;
            }
        }
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
            {
                // Exited between the check and the kill.
            }
        }
        // SIGKILL cannot be caught; the wait bounds the case of a process stuck in the kernel.
        await WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    private async Task CaptureExitAsync()
    {
        // Also waits for the output pipes to reach end of file.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _exitCode = _process.ExitCode;
        _process.Dispose();
    }

    private static string FormatCommandLine(string executable, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(executable).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
