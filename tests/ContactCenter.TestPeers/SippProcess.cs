using System.Globalization;
using System.Net.Sockets;

namespace ContactCenter.TestPeers;

/// <summary>
/// One running sipp. Start a UAS, await <see cref="WaitUntilListeningAsync"/>, point a UAC at it,
/// and await each one's <see cref="WaitForExitAsync"/> or <see cref="StopAsync"/>. Always dispose
/// (await using): a sipp still running is stopped by its PID, gracefully first.
/// </summary>
public sealed class SippProcess : IAsyncDisposable
{
    private const string StatisticsFileName = "stat.csv";
    private const string ErrorFileName = "errors.log";

    private readonly SippOptions _options;
    private readonly PeerProcess _process;
    private readonly bool _ownsWorkingDirectory;
    private readonly SemaphoreSlim _stopping = new(1, 1);
    private SippResult? _result;
    private bool _timedOutWaiting;
    private bool _disposed;

    private SippProcess(SippOptions options, PeerProcess process, int localPort, string workingDirectory, bool ownsWorkingDirectory)
    {
        _options = options;
        _process = process;
        _ownsWorkingDirectory = ownsWorkingDirectory;
        LocalPort = localPort;
        WorkingDirectory = workingDirectory;
    }

    public int ProcessId => _process.Id;

    /// <summary>The port sipp listens and sends on.</summary>
    public int LocalPort { get; }

    /// <summary>"address:port" to point a UAC at this sipp.</summary>
    public string Endpoint => $"{_options.LocalAddress}:{LocalPort}";

    public string WorkingDirectory { get; }

    public string CommandLine => _process.CommandLine;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts sipp; throws <see cref="PeerMissingException"/> when it is not installed.</summary>
    public static SippProcess Start(SippOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sipp = PeerAvailability.RequireSipp();
        var localPort = options.LocalPort ?? FreePort.UdpAndTcp();
        var ownsWorkingDirectory = options.WorkingDirectory is null;
        var workingDirectory = options.WorkingDirectory
            ?? Path.Combine(Path.GetTempPath(), "contactcenter-peers", $"sipp-{options.Scenario.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workingDirectory);
        var process = PeerProcess.Start(sipp, Arguments(options, localPort), workingDirectory, options.TimeProvider);
        return new SippProcess(options, process, localPort, workingDirectory, ownsWorkingDirectory);
    }

    /// <summary>
    /// Waits until sipp has bound its SIP port (a UAS is then ready for calls). Throws
    /// <see cref="InvalidOperationException"/>, with sipp's output, when it exits or the time runs out.
    /// </summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var protocol = _options.Transport == PeerTransport.Tcp ? ProtocolType.Tcp : ProtocolType.Udp;
        var time = _options.TimeProvider;
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (!PortProbe.IsBoundBy(ProcessId, LocalPort, protocol))
        {
            if (HasExited)
            {
                var result = await WaitForExitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"sipp exited before listening on {Endpoint}.\n{result.Describe()}");
            }
            if (time.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException(
                    $"sipp did not listen on {Endpoint} within {timeout.TotalSeconds:0.#} s: {CommandLine}\n{_process.StandardError}");
            }
            // Nothing signals a bind; the kernel tables are cheap to re-read.
            await Task.Delay(TimeSpan.FromMilliseconds(10), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for sipp to end by itself (a UAC with a call limit, or its global timeout). When it has
    /// not ended within <paramref name="timeout"/>, stops it and returns with
    /// <see cref="SippResult.TimedOutWaiting"/> set: a hung scenario is reported, not waited on forever.
    /// </summary>
    public async Task<SippResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!await _process.WaitForExitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            _timedOutWaiting = true;
            return await StopAsync().ConfigureAwait(false);
        }
        return Result();
    }

    /// <summary>
    /// Stops sipp by PID: SIGUSR1 (no new calls, finish the open ones, write final statistics),
    /// then SIGTERM after <paramref name="gracePeriod"/> (default <see cref="SippOptions.StopGracePeriod"/>),
    /// then SIGKILL of its process tree. A second SIGUSR1 is never sent: it makes sipp 3.6.1 abort its
    /// calls without ever exiting.
    /// </summary>
    public async Task<SippResult> StopAsync(TimeSpan? gracePeriod = null)
    {
        await _stopping.WaitAsync().ConfigureAwait(false);
        try
        {
            await _process.StopAsync(
            [
                (PosixSignal.User1, gracePeriod ?? _options.StopGracePeriod),
                (PosixSignal.Terminate, TimeSpan.FromSeconds(2)),
            ]).ConfigureAwait(false);
        }
        finally
        {
            _stopping.Release();
        }
        return Result();
    }

    /// <summary>Stops sipp if it is still running, then removes a temporary working directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!HasExited)
        {
            await StopAsync().ConfigureAwait(false);
        }
        if (_ownsWorkingDirectory && !_options.KeepWorkingDirectory)
        {
            try
            {
                Directory.Delete(WorkingDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Leaving a temp directory behind must not fail the test that disposes us.
            }
        }
    }

    private SippResult Result()
    {
        if (_result is not null)
        {
            return _result;
        }
        var errorPath = Path.Combine(WorkingDirectory, ErrorFileName);
        var errorLog = File.Exists(errorPath) ? ReadTail(errorPath, 64 * 1024) : "";
        SippStatistics? statistics;
        try
        {
            statistics = SippStatistics.ReadTraceStat(Path.Combine(WorkingDirectory, StatisticsFileName));
        }
        catch (FormatException exception)
        {
            statistics = null;
            errorLog += $"\n(statistics unreadable: {exception.Message})";
        }
        _result = new SippResult
        {
            ExitCode = _process.ExitCode,
            TimedOutWaiting = _timedOutWaiting,
            Statistics = statistics,
            StandardOutput = _process.StandardOutput,
            StandardError = _process.StandardError,
            ErrorLog = errorLog,
            CommandLine = CommandLine,
            WorkingDirectory = WorkingDirectory,
        };
        return _result;
    }

    private static string ReadTail(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > maxBytes)
        {
            stream.Seek(-maxBytes, SeekOrigin.End);
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<string> Arguments(SippOptions options, int localPort)
    {
        var arguments = new List<string>(options.Scenario.Arguments());
        if (options.Target is not null)
        {
            arguments.Add(options.Target);
        }
        arguments.AddRange(
        [
            "-i", options.LocalAddress,
            "-p", localPort.ToString(CultureInfo.InvariantCulture),
            "-t", options.Transport == PeerTransport.Tcp ? "t1" : "u1",
            "-nostdin",
            "-buff_size", options.BufferSize.ToString(CultureInfo.InvariantCulture),
            "-trace_stat", "-stf", StatisticsFileName, "-fd", "1",
            "-trace_err", "-error_file", ErrorFileName,
            "-timeout", Seconds(options.GlobalTimeout), "-timeout_error",
        ]);
        if (options.Rate is { } rate)
        {
            arguments.AddRange(["-r", rate.ToString(CultureInfo.InvariantCulture)]);
        }
        if (options.CallLimit is { } calls)
        {
            arguments.AddRange(["-m", calls.ToString(CultureInfo.InvariantCulture)]);
        }
        if (options.ConcurrentCallLimit is { } open)
        {
            arguments.AddRange(["-l", open.ToString(CultureInfo.InvariantCulture)]);
        }
        if (options.AuthUser is not null)
        {
            arguments.AddRange(["-au", options.AuthUser]);
        }
        if (options.AuthPassword is not null)
        {
            arguments.AddRange(["-ap", options.AuthPassword]);
        }
        if (options.Service is not null)
        {
            arguments.AddRange(["-s", options.Service]);
        }
        if (options.InjectionFile is not null)
        {
            arguments.AddRange(["-inf", options.InjectionFile]);
            if (options.InjectionIndexField is { } field)
            {
                arguments.AddRange(["-infindex", options.InjectionFile, field.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        foreach (var (name, value) in options.Keys)
        {
            arguments.AddRange(["-key", name, value]);
        }
        if (options.ReceiveTimeout is { } receiveTimeout)
        {
            arguments.AddRange(["-recv_timeout", ((long)receiveTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]);
        }
        if (options.TraceMessages)
        {
            arguments.AddRange(["-trace_msg", "-message_file", "messages.log"]);
        }
        arguments.AddRange(options.ExtraArguments);
        return arguments;
    }

    private static string Seconds(TimeSpan span) =>
        Math.Max(1, (long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
}
