using System.Diagnostics;
using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.TestPeers;
using Xunit.Abstractions;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Hold from baresip (its "hold" sends a re-INVITE with sendonly) during a recording: the caller, left alone, hears the
/// music on hold, and the caller's recording holds what the caller hears.
/// </summary>
public sealed class BaresipHoldRecordingTests(ITestOutputHelper output)
{
    private const int CallerTone = 440;
    private const int CalleeTone = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Callee_holding_from_the_phone_puts_music_on_the_callers_recording_and_resume_brings_the_tone_back()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Held, CallEventTypes.Retrieved] });
        await using var connected = await TonePhones.ConnectAsync(server, CallerTone, CalleeTone);
        var call = connected.Call;

        var started = await server.Calls.StartRecordingAsync(call.Id);
        Assert.True(started.Succeeded, started.Message);
        var clock = Stopwatch.StartNew();
        await TonePhones.ForAudioAsync(call, TimeSpan.FromSeconds(1.5));

        var beforeHold = clock.Elapsed;
        Assert.True((await connected.Callee.Control.SendCommandAsync("hold")).Ok, "baresip refused hold");
        var held = await NextAsync(events);
        var heldAt = clock.Elapsed;
        Assert.Equal(CallEventTypes.Held, held.Type);
        Assert.Equal("3001", ((CallEventPayload)held.Payload!).Party);
        Assert.Equal("3002", ((CallEventPayload)held.Payload!).By);
        await TonePhones.ForAudioAsync(call, TimeSpan.FromSeconds(2), fromCallee: false);

        var beforeResume = clock.Elapsed;
        Assert.True((await connected.Callee.Control.SendCommandAsync("resume")).Ok, "baresip refused resume");
        var retrieved = await NextAsync(events);
        var retrievedAt = clock.Elapsed;
        Assert.Equal(CallEventTypes.Retrieved, retrieved.Type);
        await TonePhones.ForAudioAsync(call, TimeSpan.FromSeconds(1.5));

        var stopped = await server.Calls.StopRecordingAsync(call.Id);
        Assert.True(stopped.Succeeded, stopped.Message);
        var record = await TonePhones.StoredAsync(server, started.RecordingId!);
        Assert.Equal("completed", record.Status);
        var audio = RecordedAudio.Read(TonePhones.FileOf(server, record));
        var margin = TimeSpan.FromSeconds(0.4);
        output.WriteLine($"file {audio.Duration.TotalSeconds:0.00} s; hold asked {beforeHold.TotalSeconds:0.00}, held {heldAt.TotalSeconds:0.00}, " +
            $"resume asked {beforeResume.TotalSeconds:0.00}, retrieved {retrievedAt.TotalSeconds:0.00}");
        Describe(audio);

        // Talking: each phone's tone on its channel.
        TonePhones.AssertTone(audio, 0, TimeSpan.FromSeconds(0.5), beforeHold - TimeSpan.FromSeconds(0.1), CallerTone, CalleeTone, "caller before hold");
        TonePhones.AssertTone(audio, 1, TimeSpan.FromSeconds(0.5), beforeHold - TimeSpan.FromSeconds(0.1), CalleeTone, CallerTone, "callee before hold");

        // Held: channel 1 is what the caller hears, the music, not the callee's tone.
        var hold = audio.Window(1, heldAt + margin, beforeResume - TimeSpan.FromSeconds(0.1));
        double rms = RecordedAudio.Rms(hold);
        double calleeShare = audio.ToneShare(hold, CalleeTone);
        double musicShare = MusicShare(audio, hold);
        var figures = $"channel 1 while held: rms {rms:0}, {CalleeTone} Hz share {calleeShare:0.000}, music notes share {musicShare:0.000}";
        output.WriteLine(figures);
        Assert.True(rms > 300, "no music on the recording while held: " + figures);
        Assert.True(calleeShare < 0.05, "the held phone's tone is still recorded: " + figures);
        Assert.True(musicShare > 0.3, "what is recorded is not the music on hold: " + figures);

        // Retrieved: the tones are back.
        TonePhones.AssertTone(audio, 0, retrievedAt + margin, audio.Duration - TimeSpan.FromSeconds(0.1), CallerTone, CalleeTone, "caller after resume");
        TonePhones.AssertTone(audio, 1, retrievedAt + margin, audio.Duration - TimeSpan.FromSeconds(0.1), CalleeTone, CallerTone, "callee after resume");
    }

    /// <summary>
    /// The share of the window's energy at the notes of the music on hold's first chord (Dmaj7 pad D3 A3 C#4 E4 F#4 and
    /// its arpeggio A4 C#5 E5 F#5, src/ContactCenter.Media/Assets/MusicOnHoldGenerator.cs): the clip starts over at each
    /// hold and the first chord lasts 3.75 s.
    /// </summary>
    private static double MusicShare(RecordedAudio audio, ReadOnlySpan<short> window)
    {
        double share = 0;
        foreach (var note in DmajorNotes) share += audio.ToneShare(window, Frequency(note));
        return share;
    }

    private static readonly int[] DmajorNotes = [50, 57, 61, 64, 66, 69, 73, 76, 78];

    private static double Frequency(int midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);

    private void Describe(RecordedAudio audio)
    {
        for (double t = 0; t + 0.25 <= audio.Duration.TotalSeconds; t += 0.25)
        {
            var w0 = audio.Window(0, TimeSpan.FromSeconds(t), TimeSpan.FromSeconds(t + 0.25));
            var w1 = audio.Window(1, TimeSpan.FromSeconds(t), TimeSpan.FromSeconds(t + 0.25));
            output.WriteLine($"{t:0.00}s ch0 rms {RecordedAudio.Rms(w0),5:0} {CallerTone}Hz {audio.ToneShare(w0, CallerTone):0.00} | " +
                $"ch1 rms {RecordedAudio.Rms(w1),5:0} {CalleeTone}Hz {audio.ToneShare(w1, CalleeTone):0.00} music {MusicShare(audio, w1):0.00}");
        }
    }

    private static async Task<EventEnvelope> NextAsync(IEventSubscription events)
    {
        using var cts = new CancellationTokenSource(Wait);
        Assert.True(await events.WaitToReadAsync(cts.Token));
        Assert.True(events.TryRead(out var envelope));
        return envelope!;
    }
}
