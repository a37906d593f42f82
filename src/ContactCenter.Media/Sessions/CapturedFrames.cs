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
    private const int EncodedBytes = 160; // a narrowband G.711 frame, the only kind kept undecoded

    private readonly Slot[] _slots = new Slot[Capacity];
    private short[]? _pcm;
    private byte[]? _encoded;
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
    /// (<paramref name="encoded"/>, copied: the jitter buffer's slot can be filled again by a later read before a
    /// recording whose parties read on different ticks writes it, after a burst that filled the buffer or a restarted
    /// stream) and law, or a decoded frame already in <see cref="PcmSlot"/>, or silence.
    /// </summary>
    public void Commit(long sequence, JitterFrame kind, int samples, G711Codec? codec, ReadOnlySpan<byte> encoded)
    {
        var index = (int)(sequence & Mask);
        ref var slot = ref _slots[index];
        if (kind == JitterFrame.Encoded && (codec is null || encoded.Length != EncodedBytes))
        {
            kind = JitterFrame.Silent;
        }

        if (kind == JitterFrame.Encoded)
        {
            encoded.CopyTo((_encoded ??= new byte[Capacity * EncodedBytes]).AsSpan(index * EncodedBytes, EncodedBytes));
        }

        slot.Kind = kind;
        slot.Codec = kind == JitterFrame.Encoded ? codec : null;
        slot.Length = kind == JitterFrame.Encoded ? EncodedBytes : samples;
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
            encoded = _encoded.AsSpan(index * EncodedBytes, EncodedBytes);
        }
        else if (slot.Kind == JitterFrame.Decoded)
        {
            pcm = _pcm.AsSpan(index * _pcmFrameSamples, slot.Length);
        }

        return slot.Kind;
    }

    // A tick's description in one place: the recording reads it and the frame's bytes, nothing else.
    private struct Slot
    {
        public long Sequence;
        public G711Codec? Codec;
        public int Length;
        public JitterFrame Kind;
    }
}
