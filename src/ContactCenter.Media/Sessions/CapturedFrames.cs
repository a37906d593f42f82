using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// The inbound frames a leg read from its jitter buffer for the last <see cref="Capacity"/> engine ticks, by the engine's
/// tick sequence: a recording reads both of its parties' frames of the same tick, possibly a few ticks after they were
/// read (legs that only recordings listen to are read every few ticks, see <see cref="MediaEngineOptions.RecordingReadTicks"/>).
/// A frame not stored for a tick (the leg did not listen then, or it is older than the ring) reads as silence.
/// </summary>
/// <remarks>Clock thread only (and a control thread holding the engine's tick lock).</remarks>
internal sealed class CapturedFrames
{
    /// <summary>Ticks kept: more than twice the longest read interval, so a recording whose parties are read at different ticks finds both.</summary>
    public const int Capacity = 16;

    private const int Mask = Capacity - 1;

    private readonly Slot[] _slots = new Slot[Capacity];
    private short[]? _pcm;
    private int _pcmFrameSamples;

    public CapturedFrames()
    {
        for (var i = 0; i < Capacity; i++)
        {
            _slots[i].Sequence = -1;
        }
    }

    /// <summary>Where to decode tick <paramref name="sequence"/>'s frame (<paramref name="samples"/> long); then <see cref="Commit"/>.</summary>
    public Span<short> PcmSlot(long sequence, int samples)
    {
        if (_pcm is null || samples > _pcmFrameSamples)
        {
            _pcmFrameSamples = samples;
            _pcm = new short[Capacity * samples];
        }

        return _pcm.AsSpan((int)(sequence & Mask) * _pcmFrameSamples, samples);
    }

    /// <summary>
    /// Stores what a read of tick <paramref name="sequence"/> gave: <see cref="JitterFrame.Encoded"/> with its bytes
    /// (<paramref name="encoded"/>, left where they are: in the jitter buffer's slot, which only a later read of the same
    /// buffer fills again, and then only with a frame a whole ring ahead or from a restarted stream; a recording takes
    /// them within the same few ticks) and law, or a decoded frame already in <see cref="PcmSlot"/>, or silence.
    /// </summary>
    public void Commit(long sequence, JitterFrame kind, int samples, G711Codec? codec, ArraySegment<byte> encoded)
    {
        ref var slot = ref _slots[(int)(sequence & Mask)];
        if (kind == JitterFrame.Encoded && (codec is null || encoded.Array is null))
        {
            kind = JitterFrame.Silent;
        }

        slot.Kind = kind;
        slot.Codec = kind == JitterFrame.Encoded ? codec : null;
        slot.Bytes = kind == JitterFrame.Encoded ? encoded.Array : null;
        slot.Offset = encoded.Offset;
        slot.Length = kind == JitterFrame.Encoded ? encoded.Count : samples;
        slot.Sequence = sequence;
    }

    /// <summary>Tick <paramref name="sequence"/>'s frame: its kind (Silent when none is kept), and its bytes and law or its samples.</summary>
    public JitterFrame Read(long sequence, out G711Codec? codec, out ReadOnlySpan<byte> encoded, out ReadOnlySpan<short> pcm)
    {
        var index = (int)(sequence & Mask);
        ref readonly var slot = ref _slots[index];
        codec = null;
        encoded = default;
        pcm = default;
        if (slot.Sequence != sequence)
        {
            return JitterFrame.Silent;
        }

        if (slot.Kind == JitterFrame.Encoded)
        {
            codec = slot.Codec;
            encoded = slot.Bytes.AsSpan(slot.Offset, slot.Length);
        }
        else if (slot.Kind == JitterFrame.Decoded)
        {
            pcm = _pcm.AsSpan(index * _pcmFrameSamples, slot.Length);
        }

        return slot.Kind;
    }

    // One cache line per tick: the recording reads a frame's description and its bytes, nothing else.
    private struct Slot
    {
        public long Sequence;
        public byte[]? Bytes;
        public G711Codec? Codec;
        public int Offset;
        public int Length;
        public JitterFrame Kind;
    }
}
