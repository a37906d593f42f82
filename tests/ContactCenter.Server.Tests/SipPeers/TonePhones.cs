using System.Diagnostics;
using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Recordings;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Helpers for recording tests: two baresip extensions, each sending its own sine, connected through the server; waits
/// for media and for stored metadata; checks a recording's channels by Goertzel.
/// </summary>
internal static class TonePhones
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>3001 (tone <paramref name="callerTone"/>) calls 3002 (tone <paramref name="calleeTone"/>, auto answer).</summary>
    public static async Task<Connected> ConnectAsync(RunningSipServer server, int callerTone, int calleeTone,
        string codecs = "PCMU,PCMA", IReadOnlyList<string>? extraConfig = null)
    {
        var callee = await RegisteredAsync(server, "3002", BaresipAnswerMode.Auto, calleeTone, codecs, extraConfig);
        BaresipProcess? caller = null;
        try
        {
            caller = await RegisteredAsync(server, "3001", BaresipAnswerMode.Manual, callerTone, codecs, extraConfig);
            var beforeDial = caller.Control.LastEventSequence;
            await caller.Control.DialAsync($"sip:3002@{server.Udp}");
            var callerUp = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait, beforeDial);
            var calleeUp = await callee.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);
            var call = Assert.Single(server.Calls.ActiveCalls);
            await Until(() => call.State == CallState.Talking, "the call to be talking");
            return new Connected(caller, callee, call, callerUp, calleeUp);
        }
        catch
        {
            if (caller is not null) await caller.DisposeAsync();
            await callee.DisposeAsync();
            throw;
        }
    }

    /// <summary>A baresip registered as extension <paramref name="user"/>, sending a sine at <paramref name="tone"/> Hz.</summary>
    public static async Task<BaresipProcess> RegisteredAsync(RunningSipServer server, string user, BaresipAnswerMode answer,
        int tone, string codecs = "PCMU,PCMA", IReadOnlyList<string>? extraConfig = null)
    {
        var phone = await BaresipProcess.StartAsync(new BaresipOptions
        {
            User = user,
            Password = "pw-" + user,
            Registrar = server.Udp.ToString(),
            RegistrationInterval = 600,
            AnswerMode = answer,
            ToneFrequency = tone,
            AudioCodecs = codecs,
            ExtraConfigLines = extraConfig ?? [],
        });
        try
        {
            await phone.Control.WaitForEventAsync(BaresipEventTypes.RegisterOk, Wait);
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until both legs received <paramref name="duration"/> more of RTP (50 packets a second): the recording
    /// then holds at least that much audio. Media flows in real time, so this is the one wait that takes wall time.
    /// A phone that put the call on hold may stop sending: pass <paramref name="fromCallee"/> false then.
    /// </summary>
    public static async Task ForAudioAsync(Call call, TimeSpan duration, bool fromCallee = true)
    {
        long packets = (long)(duration.TotalSeconds * 50);
        long caller = call.CallerMedia!.GetQualityReport().Inbound.Packets;
        long callee = call.CalleeMedia!.GetQualityReport().Inbound.Packets;
        await Until(() => call.CallerMedia!.GetQualityReport().Inbound.Packets - caller >= packets
                       && (!fromCallee || call.CalleeMedia!.GetQualityReport().Inbound.Packets - callee >= packets),
            $"{duration.TotalSeconds:0.#} s of RTP from both phones");
    }

    /// <summary>The metadata once the writer has flushed and the row left the "recording" status.</summary>
    public static async Task<RecordingRecord> StoredAsync(RunningSipServer server, string id)
    {
        var store = server.Calls.Recordings ?? throw new InvalidOperationException("The engine has no recording store.");
        RecordingRecord? record = null;
        await Until(() => (record = store.Find(id)) is { Status: not "recording" }, $"recording {id} to be stored");
        return record!;
    }

    /// <summary>The recording's file under the server's recordings directory.</summary>
    public static string FileOf(RunningSipServer server, RecordingRecord record) =>
        Path.Combine(server.WorkDirectory, "recordings", record.Path);

    /// <summary>sox, a WAV reader nobody here wrote, must read the file's header.</summary>
    public static async Task SoxAcceptsAsync(string sox, string path)
    {
        var start = new ProcessStartInfo(sox) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--info");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Wait);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        Assert.True(process.ExitCode == 0, $"sox --info exited {process.ExitCode}: {await error}");
        var info = await output;
        Assert.Contains("Channels       : 2", info);
        Assert.Contains("Sample Rate    : 8000", info);
    }

    /// <summary>The window of <paramref name="channel"/> is a clear sine at <paramref name="tone"/> without <paramref name="absent"/>.</summary>
    public static void AssertTone(RecordedAudio audio, int channel, TimeSpan from, TimeSpan to, int tone, int absent, string what)
    {
        var window = audio.Window(channel, from, to);
        Assert.True(window.Length > audio.SampleRate / 4, $"{what}: only {window.Length} samples between {from} and {to}");
        double rms = RecordedAudio.Rms(window);
        double share = audio.ToneShare(window, tone);
        double other = audio.ToneShare(window, absent);
        string figures = $"{what} {from.TotalSeconds:0.00}-{to.TotalSeconds:0.00} s: rms {rms:0}, {tone} Hz share {share:0.000}, {absent} Hz share {other:0.000}";
        Assert.True(rms > 300, "too quiet: " + figures);
        Assert.True(share > 0.5, "tone missing: " + figures);
        Assert.True(other < 0.05, "the other phone's tone leaks in: " + figures);
    }

    /// <summary>Every event until call.ended (inclusive).</summary>
    public static async Task<List<EventEnvelope>> ReadUntilEndedAsync(IEventSubscription events)
    {
        var seen = new List<EventEnvelope>();
        using var cts = new CancellationTokenSource(Wait);
        await foreach (var e in events.ReadAllAsync(cts.Token))
        {
            seen.Add(e);
            if (e.Type == CallEventTypes.Ended) break;
        }
        return seen;
    }

    /// <summary>Waits for a condition on live state (media flows continuously; there is no single event to await).</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    public sealed record Connected(BaresipProcess Caller, BaresipProcess Callee, Call Call, BaresipEvent CallerUp, BaresipEvent CalleeUp)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Caller.DisposeAsync();
            await Callee.DisposeAsync();
        }
    }
}
