using ContactCenter.Media.Codecs;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class EngineTickAllocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("engine-alloc-").FullName;

    [Fact]
    public void ASteadyTick_WithAConferenceARecordingAndMusicOnHold_AllocatesNothing()
    {
        using var harness = new MediaTestHarness(pairs: 4, recordingDirectory: _root);
        using var phones = new PhoneSet(4);
        var legs = Enumerable.Range(0, 4).Select(_ => harness.CreateLeg()).ToArray();
        for (var i = 0; i < legs.Length; i++)
        {
            Assert.True(legs[i].AcceptOffer(phones[i].Offer("0")).IsSuccess);
        }

        using var conference = harness.Engine.CreateConference();
        for (var i = 0; i < 3; i++)
        {
            conference.Add(legs[i]);
        }

        legs[0].StartRecording(new LegRecordingOptions { Path = "alloc.wav", QueueFrames = 1000 });
        legs[3].PlayMusicOnHold();
        var payload = new byte[160];
        MuLaw.Encode(ContactCenter.Media.Tests.Codecs.Signals.Tone(500, 8000, 160, 5000), payload);
        uint timestamp = 0;
        long tick = 0;

        void Tick()
        {
            // The receive loops' part, on this thread: one frame into each conference leg's jitter buffer.
            for (var i = 0; i < 3; i++)
            {
                legs[i].Endpoint.InboundAudio!.Write(G711Codec.MuLaw, (uint)(i + 1), timestamp, payload, 0);
            }

            timestamp += 160;
            harness.Engine.OnTick(tick++);
        }

        for (var i = 0; i < 100; i++)
        {
            Tick();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 500; i++)
        {
            Tick();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0, harness.Engine.TickFaults);
        Assert.True(legs[3].Endpoint.Counters.RtpSent >= 600);
        Assert.True(legs[0].Endpoint.Counters.RtpSent >= 590);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class PhoneSet(int count) : IDisposable
    {
        private readonly UdpPhone[] _phones = [.. Enumerable.Range(0, count).Select(_ => new UdpPhone())];

        public UdpPhone this[int index] => _phones[index];

        public void Dispose()
        {
            foreach (var phone in _phones)
            {
                phone.Dispose();
            }
        }
    }
}
