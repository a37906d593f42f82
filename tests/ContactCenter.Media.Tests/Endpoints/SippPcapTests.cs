using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Bridging;
using ContactCenter.Media.Tests.Rtp;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>
/// sipp (Debian sip-tester) plays the packaged captures into a media leg: g711a.pcap, then RFC 2833 digits 1, 5, #.
/// The digits must come out exactly, and the audio the leg hands to a recorder tap must carry the capture's energy.
/// </summary>
public sealed class SippPcapTests
{
    [Fact]
    public async Task SippPlaysG711AndDtmfCaptures_DigitsExact_AudioEnergyRight()
    {
        var sipp = "/usr/bin/sipp";
        Assert.True(File.Exists(sipp), "sipp missing: apt-get install -y sip-tester");
        var audio = SipTesterCaptures.PathOf("g711a.pcap");
        string[] digits = ["1", "5", "pound"];

        using var harness = new MediaTestHarness();
        var leg = harness.CreateLeg();
        var recorded = new EnergySink();
        await using var responder = new MinimalSipResponder(leg);
        using var clock = new CancellationTokenSource();
        var ticking = TickAsync(harness.Engine, clock.Token);

        using var work = new TempDirectoryForSipp();
        var scenario = Path.Combine(work.Path, "pcap_uac.xml");
        await File.WriteAllTextAsync(scenario, SippPcapScenario.Build(
            new[] { (audio, 7300) }.Concat(digits.Select(d => (SipTesterCaptures.PathOf($"dtmf_2833_{d}.pcap"), 700)))));

        var start = new ProcessStartInfo(sipp)
        {
            WorkingDirectory = work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            responder.EndPoint.ToString(), "-sf", scenario, "-i", "127.0.0.1", "-p", FreeUdpPort().ToString(),
            "-mi", "127.0.0.1", "-mp", FreeUdpPort(even: true).ToString(), "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var negotiation = await responder.Negotiated.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(negotiation.IsSuccess, negotiation.ToString());
            Assert.Equal("PCMA", negotiation.Media.Codec.Name);
            leg.StartRecording(recorded);

            await responder.ByeReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"sipp exit {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            clock.Cancel();
            await ticking;
        }

        var ended = new List<char>();
        while (harness.Events.Reader.TryRead(out var e))
        {
            if (e is DtmfReceivedEvent { Dtmf.Kind: DtmfEventKind.Ended } d)
            {
                ended.Add(d.Dtmf.Digit);
                Assert.Equal(TimeSpan.FromMilliseconds(280), d.Dtmf.Duration);
            }
        }

        Assert.Equal("15#", new string(ended.ToArray()));

        // The capture's own audio, decoded: what the leg delivered must hold the same energy (no loss, no level change).
        // g711a.pcap carries 236 packets of 30 ms (240 octets): 354 frames of 20 ms.
        var expected = PcapUdpReader.Read(audio).Select(d => d.Payload.AsSpan(12).ToArray()).ToList();
        var pcm = new short[expected.Sum(p => p.Length)];
        var offset = 0;
        foreach (var payload in expected)
        {
            offset += ALaw.Decode(payload, pcm.AsSpan(offset));
        }

        Assert.Equal(0, leg.Endpoint.Counters.RtpMalformed);
        // Every frame is either delivered or counted as dropped by the interim decode queue (which drops when the test's
        // stand-in clock wakes late on a busy machine); what was delivered has the capture's level.
        var frames = pcm.Length / 160;
        var dropped = leg.Endpoint.AttachInboundAudio(AudioFormat.Narrowband).DroppedFrames;
        var diagnostics = $"{recorded.AudibleFrames} audible + {dropped} dropped of {frames}; {leg.Endpoint.Counters}";
        Assert.True(recorded.AudibleFrames + dropped == frames, diagnostics);
        Assert.True(recorded.AudibleFrames >= frames * 0.8, diagnostics);
        var expectedRms = BridgeLoopbackTests.Rms(pcm);
        var recordedRms = Math.Sqrt(recorded.Energy / (recorded.AudibleFrames * 160.0));
        Assert.InRange(recordedRms, expectedRms * 0.9, expectedRms * 1.1);
        leg.Dispose();
    }

    // Stands in for the media clock (built elsewhere): one tick per 20 ms of real time, catching up after a late wake-up
    // (a PeriodicTimer alone skips missed periods, which would starve the reader on a busy machine).
    private static async Task TickAsync(MediaEngine engine, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var started = Stopwatch.GetTimestamp();
        long tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var due = (long)(Stopwatch.GetElapsedTime(started).TotalMilliseconds / 20);
                while (tick < due)
                {
                    engine.OnTick(tick++);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static int FreeUdpPort(bool even = false)
    {
        while (true)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            if (!even || port % 2 == 0)
            {
                return port;
            }
        }
    }

    private sealed class EnergySink : IAudioSink
    {
        public AudioFormat Format => AudioFormat.Narrowband;

        public double Energy { get; private set; }

        public int AudibleFrames { get; private set; }

        public void WriteFrame(ReadOnlySpan<short> frame, bool silent)
        {
            if (!silent)
            {
                AudibleFrames++;
                Energy += BridgeLoopbackTests.Energy(frame);
            }
        }
    }

    private sealed class TempDirectoryForSipp : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sipp-pcap-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
