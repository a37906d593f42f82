using System.Net.Sockets;

namespace ContactCenter.TestPeers;

/// <summary>
/// One headless linphonec with a generated linphonerc and its own HOME, driven by console commands on stdin (kept open:
/// linphonec quits at end of file). Always dispose (await using): it is sent "quit", then stopped by its PID with
/// SIGTERM and finally SIGKILL. Its state is read from its console output ("Registration on … successful.",
/// "Call 1 with … connected.").
/// </summary>
public sealed class LinphoneProcess : IAsyncDisposable
{
    private readonly LinphoneOptions _options;
    private readonly PeerProcess _process;
    private readonly bool _ownsWorkDirectory;
    private readonly GrowingTextFile _log;
    private bool _disposed;

    private LinphoneProcess(LinphoneOptions options, PeerProcess process, int sipPort, string workDirectory, bool ownsWorkDirectory)
    {
        _options = options;
        _process = process;
        _ownsWorkDirectory = ownsWorkDirectory;
        SipPort = sipPort;
        WorkDirectory = workDirectory;
        _log = new GrowingTextFile(LogFile);
    }

    public int ProcessId => _process.Id;

    /// <summary>The UDP SIP port linphonec listens on, on 127.0.0.1.</summary>
    public int SipPort { get; }

    public string WorkDirectory { get; }

    public string LogFile => Path.Combine(WorkDirectory, "linphonec.log");

    public bool HasExited => _process.HasExited;

    public string CommandLine => _process.CommandLine;

    /// <summary>The console output so far (command echoes, registration and call states).</summary>
    public string Output => _process.StandardOutput + _process.StandardError;

    /// <summary>Console output and the tail of linphonec's own log, for assertion messages.</summary>
    public string Diagnostics()
    {
        string log;
        try
        {
            var text = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";
            log = text.Length > 20_000 ? text[^20_000..] : text;
        }
        catch (IOException exception)
        {
            log = $"(log unreadable: {exception.Message})";
        }
        return $"{CommandLine}\n--- console ---\n{Output}\n--- log (tail) ---\n{log}";
    }

    /// <summary>
    /// Writes the config, starts linphonec and waits until it holds its SIP port. Throws
    /// <see cref="PeerMissingException"/> when linphonec is not installed, and <see cref="InvalidOperationException"/>
    /// (with its output) when it does not come up.
    /// </summary>
    public static async Task<LinphoneProcess> StartAsync(LinphoneOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var linphonec = PeerAvailability.RequireLinphonec();
        var sipPort = options.SipPort ?? FreePort.Udp();
        var ownsWorkDirectory = options.WorkDirectory is null;
        var workDirectory = options.WorkDirectory
            ?? Path.Combine(Path.GetTempPath(), "contactcenter-peers", $"linphonec-{options.User}-{Guid.NewGuid():N}");
        // Also validates the options before anything is started.
        var config = LinphoneConfig.Write(workDirectory, options, sipPort, FreePort.UdpRange(20));
        // linphonec keeps its call history and friends under $HOME/.local/share/linphone: without that directory it
        // answers every INVITE 503.
        var home = Path.Combine(workDirectory, "home");
        Directory.CreateDirectory(Path.Combine(home, ".local", "share", "linphone"));

        List<string> arguments = ["-c", config, "-d", "3", "-l", Path.Combine(workDirectory, "linphonec.log")];
        if (options.AutoAnswer)
        {
            arguments.Add("-a");
        }
        var process = PeerProcess.Start(linphonec, arguments, workDirectory, options.TimeProvider,
            new Dictionary<string, string> { ["HOME"] = home }, keepStandardInput: true);
        var peer = new LinphoneProcess(options, process, sipPort, workDirectory, ownsWorkDirectory);
        try
        {
            await peer.WaitUntilAsync(() => PortProbe.IsBoundBy(peer.ProcessId, sipPort, ProtocolType.Udp),
                $"linphonec binding UDP {sipPort}", options.StartTimeout, cancellationToken).ConfigureAwait(false);
            // No sound card on a test machine: the ALSA default device fails to open and linphonec then sends no RTP
            // at all. In file mode it reads its "microphone" from the file given to "play" (and writes nothing it hears).
            await peer.SendCommandAsync("soundcard use files").ConfigureAwait(false);
            if (options.ToneFrequency is { } frequency)
            {
                var tone = Path.Combine(workDirectory, $"tone-{frequency}.wav");
                ToneWav.Write(tone, frequency, TimeSpan.FromMinutes(2));
                await peer.SendCommandAsync("play " + tone).ConfigureAwait(false);
            }
            return peer;
        }
        catch
        {
            await peer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one console command ("calls", "terminate", "call sip:…").</summary>
    public async Task SendCommandAsync(string command)
    {
        if (command.Contains('\n') || command.Contains('\r'))
        {
            throw new ArgumentException("One command, one line.", nameof(command));
        }
        if (!await _process.WriteInputLineAsync(command).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"linphonec has exited; cannot send '{command}'.\n{Diagnostics()}");
        }
    }

    /// <summary>
    /// Waits until linphonec's log holds <paramref name="text"/> after position <paramref name="after"/>. The log, not
    /// the console: with stdout on a pipe linphonec's console lines stay in its stdio buffer, while the log is written
    /// through, and it names every state change ("… to [LinphoneRegistrationOk]", "… to LinphoneCallStreamsRunning").
    /// </summary>
    /// <returns>The position just past the text, to wait for a later occurrence.</returns>
    public async Task<long> WaitForLogAsync(string text, TimeSpan timeout, long after = 0, CancellationToken cancellationToken = default)
    {
        long end = -1;
        await WaitUntilAsync(() =>
        {
            var index = _log.IndexOf(text, after);
            end = index < 0 ? -1 : index + text.Length;
            return index >= 0;
        }, $"\"{text}\" in linphonec's log", timeout, cancellationToken).ConfigureAwait(false);
        return end;
    }

    /// <summary>Waits for the account's registration to be accepted (linphonec registers by itself after start).</summary>
    public Task<long> WaitForRegistrationAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForLogAsync("to [LinphoneRegistrationOk]", timeout, 0, cancellationToken);

    /// <summary>Waits for a call to be answered with media flowing (auto-answer or after "answer").</summary>
    public Task<long> WaitForCallStreamsRunningAsync(TimeSpan timeout, long after = 0, CancellationToken cancellationToken = default) =>
        WaitForLogAsync(" to LinphoneCallStreamsRunning", timeout, after, cancellationToken);

    /// <summary>Waits for a call to end (either side hung up).</summary>
    public Task<long> WaitForCallEndAsync(TimeSpan timeout, long after = 0, CancellationToken cancellationToken = default) =>
        WaitForLogAsync(" to LinphoneCallEnd", timeout, after, cancellationToken);

    /// <summary>"quit" (unregisters first), then SIGTERM after the grace period, then SIGKILL of its tree.</summary>
    public async Task StopAsync()
    {
        await _process.WriteInputLineAsync("quit").ConfigureAwait(false);
        await _process.StopAsync(
        [
            // Signal 0 delivers nothing (kill(2) only checks the PID): this step is the wait for "quit" to work.
            (0, _options.StopGracePeriod),
            (PosixSignal.Terminate, TimeSpan.FromSeconds(2)),
        ]).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopAsync().ConfigureAwait(false);
        if (_ownsWorkDirectory && !_options.KeepWorkDirectory)
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Leaving a temp directory behind must not fail the test that disposes us.
            }
        }
    }

    /// <summary>
    /// Polls <paramref name="condition"/>: linphonec announces its states only as console text, so there is nothing
    /// to await; reading the captured output is cheap. Fails early, with the output, when linphonec exits.
    /// </summary>
    private async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (!condition())
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"linphonec exited with {_process.ExitCode} while waiting for {what}.\n{Diagnostics()}");
            }
            if (time.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.\n{Diagnostics()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
