using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.TestPeers;

/// <summary>
/// One headless baresip with a generated config and a connected <see cref="Control"/>. Always
/// dispose (await using): it is stopped by its PID with SIGTERM, a second SIGTERM after a short
/// grace (the first one waits up to ~32 s to unregister), then SIGKILL.
/// </summary>
public sealed class BaresipProcess : IAsyncDisposable
{
    private readonly BaresipOptions _options;
    private readonly PeerProcess _process;
    private readonly bool _ownsConfigDirectory;
    private BaresipControl? _control;
    private bool _disposed;

    private BaresipProcess(BaresipOptions options, PeerProcess process, int sipPort, int controlPort, string configDirectory, bool ownsConfigDirectory)
    {
        _options = options;
        _process = process;
        _ownsConfigDirectory = ownsConfigDirectory;
        SipPort = sipPort;
        ControlPort = controlPort;
        ConfigDirectory = configDirectory;
    }

    public int ProcessId => _process.Id;

    /// <summary>The SIP port (UDP and TCP) baresip listens on, on 127.0.0.1.</summary>
    public int SipPort { get; }

    public int ControlPort { get; }

    public string ConfigDirectory { get; }

    /// <summary>The account's address of record, as baresip reports it in events.</summary>
    public string Aor => $"sip:{_options.User}@{_options.Registrar}";

    /// <summary>A URI that reaches this baresip directly, bypassing any registrar.</summary>
    public string DirectUri =>
        $"sip:{_options.User}@127.0.0.1:{SipPort}{(_options.Transport == PeerTransport.Tcp ? ";transport=tcp" : "")}";

    public BaresipControl Control => _control ?? throw new InvalidOperationException("baresip is not connected.");

    public bool HasExited => _process.HasExited;

    public string CommandLine => _process.CommandLine;

    /// <summary>baresip's stdout and stderr so far (with <see cref="BaresipOptions.SipTrace"/>, every SIP message).</summary>
    public string Output => _process.StandardOutput + _process.StandardError;

    /// <summary>
    /// Writes the config, starts baresip and connects to its ctrl_tcp. Throws
    /// <see cref="PeerMissingException"/> when baresip is not installed, and
    /// <see cref="InvalidOperationException"/> (with its output) when it does not come up.
    /// </summary>
    public static async Task<BaresipProcess> StartAsync(BaresipOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baresip = PeerAvailability.RequireBaresip();
        // Also validates the options before anything is started.
        var accountLine = BaresipConfig.AccountLine(options);
        var sipPort = options.SipPort ?? FreePort.BaresipSipListen();
        var controlPort = options.ControlPort ?? FreePort.Tcp();
        var ownsConfigDirectory = options.ConfigDirectory is null;
        var configDirectory = options.ConfigDirectory
            ?? Path.Combine(Path.GetTempPath(), "contactcenter-peers", $"baresip-{options.User}-{Guid.NewGuid():N}");
        BaresipConfig.Write(configDirectory, options, sipPort, controlPort, FreePort.UdpRange(40));

        List<string> arguments = ["-f", configDirectory, "-t", Seconds(options.MaxLifetime)];
        if (options.SipTrace)
        {
            arguments.Add("-s");
        }
        var process = PeerProcess.Start(baresip, arguments, configDirectory, options.TimeProvider);
        var peer = new BaresipProcess(options, process, sipPort, controlPort, configDirectory, ownsConfigDirectory);
        try
        {
            peer._control = await peer.ConnectControlAsync(cancellationToken).ConfigureAwait(false);
            // Created only now, so that REGISTERING/REGISTER_OK reach the connection.
            var created = await peer._control.SendCommandAsync("uanew", accountLine, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!created.Ok)
            {
                throw new InvalidOperationException($"baresip refused the account {accountLine}: {created.Data}");
            }
            return peer;
        }
        catch
        {
            await peer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops baresip by PID: SIGTERM, a second SIGTERM after <paramref name="gracePeriod"/> (default
    /// <see cref="BaresipOptions.StopGracePeriod"/>), then SIGKILL of its tree.
    /// </summary>
    public async Task StopAsync(TimeSpan? gracePeriod = null)
    {
        var grace = gracePeriod ?? _options.StopGracePeriod;
        await _process.StopAsync(
        [
            (PosixSignal.Terminate, grace),
            (PosixSignal.Terminate, TimeSpan.FromSeconds(2)),
        ]).ConfigureAwait(false);
    }

    /// <summary>Waits for baresip to exit by itself (e.g. after "quit").</summary>
    public Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _process.WaitForExitAsync(timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_control is not null)
        {
            await _control.DisposeAsync().ConfigureAwait(false);
        }
        await StopAsync().ConfigureAwait(false);
        if (_ownsConfigDirectory && !_options.KeepConfigDirectory)
        {
            try
            {
                Directory.Delete(ConfigDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Leaving a temp directory behind must not fail the test that disposes us.
            }
        }
    }

    private async Task<BaresipControl> ConnectControlAsync(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var deadline = time.GetTimestamp() + (long)(_options.StartTimeout.TotalSeconds * time.TimestampFrequency);
        var endPoint = new IPEndPoint(IPAddress.Loopback, ControlPort);
        // Connect only once baresip itself holds the port: a free port picked earlier could since
        // have been taken by someone else.
        while (!PortProbe.IsBoundBy(ProcessId, ControlPort, ProtocolType.Tcp))
        {
            if (HasExited)
            {
                throw new InvalidOperationException(
                    $"baresip exited with {_process.ExitCode} before opening its control port: {CommandLine}\n{Output}");
            }
            if (time.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException(
                    $"baresip did not open ctrl_tcp on {endPoint} within {_options.StartTimeout.TotalSeconds:0.#} s: {CommandLine}\n{Output}");
            }
            // Nothing signals that baresip has opened its port; the kernel tables are cheap to re-read.
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
        }
        return await BaresipControl.ConnectAsync(endPoint, time, cancellationToken).ConfigureAwait(false);
    }

    private static string Seconds(TimeSpan span) =>
        Math.Max(1, (long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
