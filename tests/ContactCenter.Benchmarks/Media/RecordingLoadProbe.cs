using System.Diagnostics;
using System.Net;
using System.Text;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// The recording overhead of many concurrent calls, in real time, without SIP or sipp: N bridged G.711 call pairs on one
/// <see cref="MediaEngine"/> with its real-time clock, a producer thread standing in for the receive loop (one 20 ms
/// packet per decoded leg per tick into its jitter buffer, the only receive-side work recording adds; the relay itself
/// is not exercised), and the recorder's writer thread writing real files. The process's CPU time over a steady window
/// is reported per call, for unrecorded and recorded rounds run back to back, so the difference is what recording costs.
/// BenchmarkDotNet's single-call figures (<see cref="RecorderCallSecondBenchmarks"/>) run with warm caches; here every
/// call's state is touched once per 20 ms among hundreds of others, as in the server.
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --recording-load [calls] [seconds] [rounds] [pcm16|mulaw] [record|plain]
/// </summary>
public static class RecordingLoadProbe
{
    public static void Run(string[] args)
    {
        var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToArray();
        int calls = numbers.Length > 0 ? numbers[0] : 500;
        int seconds = numbers.Length > 1 ? numbers[1] : 10;
        int rounds = numbers.Length > 2 ? numbers[2] : 2;
        var encoding = args.Contains("pcm16") ? RecordingEncoding.Pcm16 : args.Contains("mulaw") ? RecordingEncoding.MuLaw : (RecordingEncoding?)null;
        Console.WriteLine($"Recording load probe: {calls} calls, {seconds} s window, {rounds} pairs of rounds, {Environment.ProcessorCount} cores, format {(encoding?.ToString() ?? "default")}");
        if (args.Contains("record") || args.Contains("plain"))
        {
            // One kind per process: the tick's code is then compiled (tiered PGO) for the kind being measured, as in a server.
            for (int round = 0; round < rounds; round++)
            {
                Measure(calls, seconds, record: args.Contains("record"), encoding);
            }

            return;
        }

        for (int round = 0; round < rounds; round++)
        {
            double plain = Measure(calls, seconds, record: false, encoding);
            double recorded = Measure(calls, seconds, record: true, encoding);
            Console.WriteLine($"pair {round + 1}: unrecorded {plain:F4}% of a core per call, recorded {recorded:F4}% ({(recorded - plain) / plain:+0%;-0%}; +{recorded - plain:F4} points)");
        }
    }

    private static double Measure(int calls, int seconds, bool record, RecordingEncoding? encoding)
    {
        string directory = Directory.CreateTempSubdirectory("cc-recording-load-").FullName;
        var first = 40000 + (Random.Shared.Next(0, 500) * 2);
        var sink = new IPEndPoint(IPAddress.Loopback, 9); // discard: RTCP reports go nowhere
        var defaults = new MediaEngineOptions();
        using var engine = new MediaEngine(defaults with
        {
            Ports = new RtpPortAllocatorOptions { BindAddress = IPAddress.Loopback, MinPort = first, MaxPort = first + (calls * 4) + 10 },
            RecordingDirectory = directory,
            Endpoint = Setting("inbox") is int inbox ? defaults.Endpoint with { JitterBuffer = defaults.Endpoint.JitterBuffer with { InboxCapacity = inbox } } : defaults.Endpoint,
        });
        var legs = new List<MediaLeg>();
        string offer = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {sink.Port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        var recordings = new List<LegRecording>();
        for (int call = 0; call < calls; call++)
        {
            var a = engine.CreateLeg().Leg ?? throw new InvalidOperationException("no ports");
            var b = engine.CreateLeg().Leg ?? throw new InvalidOperationException("no ports");
            foreach (var leg in new[] { a, b })
            {
                if (!leg.AcceptOffer(Encoding.ASCII.GetBytes(offer)).IsSuccess)
                {
                    throw new InvalidOperationException("negotiation failed");
                }

                legs.Add(leg);
            }

            a.BridgeWith(b);
            if (record)
            {
                var options = new LegRecordingOptions { Path = $"call-{call}.wav", QueueFrames = Setting("queue") ?? 100 };
                recordings.Add(a.StartRecording(encoding is { } e ? options with { Format = new RecordingFormat(RecordingLayout.Stereo, e, 8000) } : options));
            }
        }

        var tone = new short[160];
        var payload = new byte[160];
        for (int n = 0; n < tone.Length; n++)
        {
            tone[n] = (short)(6000 * Math.Sin(2 * Math.PI * 440 * n / 8000));
        }

        MuLaw.Encode(tone, payload);
        engine.Start();
        using var stop = new CancellationTokenSource();
        var producer = new Thread(() => Produce(legs, payload, stop.Token)) { IsBackground = true, Name = "probe-receive" };
        producer.Start();

        Thread.Sleep(TimeSpan.FromSeconds(4)); // tiering and jitter buffers settle
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var threads0 = ThreadCpu();
        var wall = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var threads1 = ThreadCpu();
        string perThread = string.Join(", ", new[] { "media-clock", "recording-write", "probe-receive" }
            .Select(name => $"{name} {(threads1.GetValueOrDefault(name) - threads0.GetValueOrDefault(name)) / wall.Elapsed.TotalSeconds:F3}"));
        double share = cpu.TotalSeconds * 100 / wall.Elapsed.TotalSeconds / calls;

        stop.Cancel();
        producer.Join();
        long written = 0, dropped = 0;
        foreach (var recording in recordings)
        {
            var metadata = recording.StopAsync().GetAwaiter().GetResult();
            written += metadata.FramesWritten;
            dropped += metadata.DroppedFrames;
        }

        Console.WriteLine($"  {(record ? "recorded  " : "unrecorded")}: {share:F4}% of a core per call ({cpu.TotalSeconds / wall.Elapsed.TotalSeconds:F3} cores), tick faults {engine.TickFaults}, late ticks {engine.Clock.Statistics.LateTicks}; cores by thread: {perThread}"
            + (record ? $", {recordings.Count} files, {written} frames written, {dropped} dropped" : ""));
        engine.Dispose();
        Directory.Delete(directory, recursive: true);
        return share;
    }

    // A key=value setting from the command line (inbox=N: jitter-buffer inbox capacity; queue=N: recording queue frames).
    private static int? Setting(string key) =>
        Environment.GetCommandLineArgs().Where(a => a.StartsWith(key + "=", StringComparison.Ordinal)).Select(a => (int?)int.Parse(a[(key.Length + 1)..])).FirstOrDefault();

    // CPU seconds (user + system) per thread name, from /proc (Linux); empty elsewhere.
    private static Dictionary<string, double> ThreadCpu()
    {
        var seconds = new Dictionary<string, double>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return seconds;
        }

        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                double ticks = double.Parse(fields[11]) + double.Parse(fields[12]); // utime, stime (fields 14 and 15)
                seconds[name] = seconds.GetValueOrDefault(name) + (ticks / 100.0);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return seconds;
    }

    // One packet per leg that decodes (the recorded calls' legs) every 20 ms, on its own thread like the receive loop.
    private static void Produce(List<MediaLeg> legs, byte[] payload, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long next = 0;
        uint timestamp = 0;
        while (!stop.IsCancellationRequested)
        {
            long now = Stopwatch.GetTimestamp();
            for (int i = 0; i < legs.Count; i++)
            {
                legs[i].Endpoint.InboundAudio?.Write(G711Codec.MuLaw, (uint)(i + 1), timestamp, payload, now);
            }

            timestamp += 160;
            next += 20;
            long wait = next - clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                Thread.Sleep((int)wait);
            }
        }
    }
}
