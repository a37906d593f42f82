using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Jitter;

/// <summary>
/// Drives a <see cref="JitterBuffer"/> over L16/8000 packets whose samples all hold a marker derived from the sequence
/// number, so every output frame says which packet it came from. One <see cref="Read"/> is one 20 ms tick.
/// </summary>
internal sealed class JitterHarness
{
    public const int Concealed = -1;
    public const int Silent = -2;

    private readonly short[] _pcm = new short[160];
    private readonly byte[] _payload = new byte[320];
    private readonly IAudioEncoder _encoder = L16Codec.Narrowband.CreateEncoder();

    public JitterHarness(JitterBufferOptions? options = null)
    {
        Buffer = new JitterBuffer(L16Codec.Narrowband.CreateDecoder(), options, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public JitterBuffer Buffer { get; }

    public short[] LastFrame { get; } = new short[160];

    /// <summary>The marker carried by packet <paramref name="sequence"/> (never 0, so never mistaken for silence).</summary>
    public static int Marker(int sequence) => (sequence % 30000) + 1;

    public JitterPushResult Send(int sequence, long? timestamp = null, uint ssrc = 0x1234, int? marker = null)
    {
        Array.Fill(_pcm, (short)(marker ?? Marker(sequence)));
        _encoder.Encode(_pcm, _payload);
        uint ts = (uint)(timestamp ?? ((long)sequence * 160));
        return Buffer.Push(ssrc, (ushort)sequence, ts, _payload, Time.GetTimestamp());
    }

    /// <summary>Reads one frame and advances time by one tick: the packet's marker, <see cref="Concealed"/> or <see cref="Silent"/>.</summary>
    public int Read()
    {
        int result = ReadWithoutAdvancing();
        Time.Advance(TimeSpan.FromMilliseconds(20));
        return result;
    }

    public int ReadWithoutAdvancing()
    {
        bool audible = Buffer.ReadFrame(LastFrame);
        if (!audible)
        {
            Assert.All(LastFrame, s => Assert.Equal(0, s));
            return Silent;
        }

        return LastFrame.All(s => s == LastFrame[0]) ? LastFrame[0] : Concealed;
    }

    public int[] Read(int count) => [.. Enumerable.Range(0, count).Select(_ => Read())];

    /// <summary>The expected output for a list of sequence numbers (negative values pass through as markers).</summary>
    public static int[] Played(params int[] sequences) => [.. sequences.Select(s => s < 0 ? s : Marker(s))];
}
