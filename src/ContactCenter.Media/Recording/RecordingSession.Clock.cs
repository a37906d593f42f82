using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Mixing;

namespace ContactCenter.Media.Recording;

// The media clock's side: stage each party's frame, then encode the tick into the next free queue slot.
public sealed partial class RecordingSession
{
    private readonly bool _stereo;
    private readonly byte _silence;
    private readonly short[]?[] _staged;
    private readonly bool[] _present;
    private readonly IAudioResampler?[] _resamplers;
    private readonly short[] _block;
    private readonly int[] _mixSum;
    private readonly byte[] _ring;
    private readonly int _slotBytes;
    private readonly int _capacity;
    private readonly int _wakeDepth;

    // _head is published by the clock thread, _tail by the writer thread: a single-producer single-consumer ring.
    private long _head;
    private long _tail;
    private long _committedFrames;
    private long _droppedFrames;
    private long _pausedTicks;
    private long _invalidFrames;
    private long _overrunFrames;
    private bool _slotUnavailable;

    /// <summary>
    /// Stages one party's 20 ms frame for the current tick: <see cref="StorageFormat"/>'s sample count, or the other
    /// rate's (160 ↔ 320), which is resampled. A silent frame, an unknown party or a wrong length records silence
    /// (the last two are counted in <see cref="RecordingMetadata.InvalidFrames"/>). Never blocks, never throws.
    /// </summary>
    /// <remarks>
    /// A stereo file's frame goes straight into its channel of the tick's queue slot, encoded there: with hundreds of
    /// calls recorded every buffer a tick touches is a cache miss, so the frame is not staged and interleaved in
    /// separate copies first. A mono file sums its parties at <see cref="OnTick"/>.
    /// </remarks>
    public void WriteFrame(int party, ReadOnlySpan<short> frame, bool silent)
    {
        if ((uint)party >= (uint)_parties)
        {
            _invalidFrames++;
            return;
        }

        if (ArrivalsActive)
        {
            // A player writing a channel of a recording filled on arrival: it leaves that mode at the next tick.
            _arrivals!.RequestLeave();
            return;
        }

        CountOverrun(party);
        if (silent || _stopRequested)
        {
            return;
        }

        if (frame.Length != _samplesPerFrame)
        {
            if (frame.Length * 2 != _samplesPerFrame && frame.Length != _samplesPerFrame * 2)
            {
                _invalidFrames++;
                return;
            }

            short[] resampled = _staged[party] ??= new short[_samplesPerFrame];
            IAudioResampler resampler = _resamplers[party] ??= AudioResampler.Create(frame.Length * 50, _format.SampleRate);
            int written = resampler.Process(frame, resampled);
            if (written < 0)
            {
                _invalidFrames++;
                return;
            }

            resampled.AsSpan(written).Clear();
            frame = resampled;
        }

        if (!_stereo)
        {
            Span<short> staged = _staged[party];
            if (!frame.Overlaps(staged))
            {
                frame.CopyTo(staged);
            }
        }
        else if (SlotAvailable())
        {
            WriteChannel(frame, party);
        }
        else
        {
            return;
        }

        _present[party] = true;
    }

    /// <summary>
    /// Stages one party's frame as G.711 bytes as they arrived (<see cref="Sessions.MediaLeg"/> hands over what it did not
    /// decode). A stereo file in the same law takes the bytes as they are, with nothing decoded or encoded; anything else
    /// is decoded and goes through <see cref="WriteFrame"/>.
    /// </summary>
    internal void WriteG711Frame(int party, ReadOnlySpan<byte> payload, G711Codec codec)
    {
        var law = EncodingOf(codec);
        if (!_stereo || _format.Encoding != law || payload.Length != _samplesPerFrame || (uint)party >= (uint)_parties)
        {
            Span<short> pcm = stackalloc short[Math.Min(payload.Length, 2 * AudioFormat.Wideband.SamplesPerFrame)];
            int samples = codec.Decode(payload[..pcm.Length], pcm);
            WriteFrame(party, pcm[..Math.Max(0, samples)], silent: false);
            return;
        }

        CountOverrun(party);
        if (_stopRequested || !SlotAvailable())
        {
            return;
        }

        Span<byte> slot = CurrentSlot;
        for (int i = 0; i < payload.Length; i++)
        {
            slot[(2 * i) + party] = payload[i];
        }

        _present[party] = true;
    }

    /// <summary>
    /// Both parties' G.711 frames of one tick at once, when the file is stereo in their law (a recorded two-party call):
    /// interleaved sixteen samples at a time instead of a byte at a time per party. False (nothing done) when the
    /// frames or the file do not fit; then write each party with <see cref="WriteG711Frame"/>.
    /// </summary>
    internal bool TryWriteG711Pair(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, G711Codec codec)
    {
        var law = EncodingOf(codec);
        if (!_stereo || _format.Encoding != law || left.Length != _samplesPerFrame || right.Length != _samplesPerFrame)
        {
            return false;
        }

        CountOverrun(0);
        CountOverrun(1);
        if (_stopRequested || !SlotAvailable())
        {
            return true;
        }

        Interleave(left, right, CurrentSlot);
        _present[0] = true;
        _present[1] = true;
        return true;
    }

    // The file encoding that stores a G.711 codec's bytes as they are.
    private static RecordingEncoding EncodingOf(G711Codec codec) =>
        ReferenceEquals(codec, G711Codec.ALaw) ? RecordingEncoding.ALaw : RecordingEncoding.MuLaw;

    /// <summary>Two channels' G.711 frames into one stereo frame, left first, sixteen samples at a time.</summary>
    internal static void Interleave(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> slot)
    {
        var i = 0;
        if (Sse2.IsSupported)
        {
            for (; i + Vector128<byte>.Count <= left.Length; i += Vector128<byte>.Count)
            {
                var l = Vector128.Create(left.Slice(i, Vector128<byte>.Count));
                var r = Vector128.Create(right.Slice(i, Vector128<byte>.Count));
                Sse2.UnpackLow(l, r).CopyTo(slot[(2 * i)..]);
                Sse2.UnpackHigh(l, r).CopyTo(slot[((2 * i) + Vector128<byte>.Count)..]);
            }
        }

        for (; i < left.Length; i++)
        {
            slot[2 * i] = left[i];
            slot[(2 * i) + 1] = right[i];
        }
    }

    /// <summary>Commits the staged frames as one tick of the file (parties that wrote nothing are silent).</summary>
    public void OnTick(long tick)
    {
        if (Commit())
        {
            AfterCommits();
        }
    }

    /// <summary>
    /// <see cref="OnTick"/> without waking the writer: true when a frame was committed (queued for the writer). A caller
    /// committing several ticks at once (a recording whose parties are read every few ticks) calls
    /// <see cref="AfterCommits"/> once after the last.
    /// </summary>
    internal bool Commit()
    {
        if (_stopRequested)
        {
            return false;
        }

        bool slotUnavailable = _slotUnavailable;
        _slotUnavailable = false;
        if (_paused)
        {
            _pausedTicks++;
            Array.Clear(_present);
            return false;
        }

        long head = _head;
        if (_failed || slotUnavailable || head - Volatile.Read(ref _tail) >= _capacity)
        {
            Interlocked.Increment(ref _droppedFrames);
            Array.Clear(_present);
            _recorder.SignalUrgent();
            return false;
        }

        if (_stereo)
        {
            for (int party = 0; party < RecordingFormat.StereoParties; party++)
            {
                if (!_present[party])
                {
                    WriteSilentChannel(party);
                }
            }

            Array.Clear(_present);
        }
        else
        {
            BuildBlock();
            EncodeBlock(CurrentSlot);
        }

        // A release store: the slot's bytes are visible before the new head. No fence per frame: a full fence right
        // after writing a slot waited for its cache lines to arrive, most of a recorded frame's cost on the clock.
        Volatile.Write(ref _head, head + 1);
        Volatile.Write(ref _committedFrames, _committedFrames + 1);
        return true;
    }

    /// <summary>After one or more <see cref="Commit"/>s: wakes the writer when a batch is queued.</summary>
    internal void AfterCommits()
    {
        // A full fence: the writer clears its wake flag and then reads _head; this side published _head and now reads the flag.
        Interlocked.MemoryBarrier();
        long queued = _head - Volatile.Read(ref _tail);
        if (queued >= _wakeDepth)
        {
            if (queued >= _capacity / 2)
            {
                _recorder.SignalUrgent();
            }
            else
            {
                _recorder.Signal();
            }
        }
    }

    // A party that writes twice in one tick: the earlier frame is dropped and counted.
    private void CountOverrun(int party)
    {
        if (_present[party])
        {
            _overrunFrames++;
            _present[party] = false;
        }
    }

    // Stereo frames are written into the tick's queue slot as they come. Nothing goes into the queue while paused, and a
    // full queue's next slot is still the writer's: then the tick is marked for OnTick to drop.
    private bool SlotAvailable()
    {
        if (_paused || _failed || _head - Volatile.Read(ref _tail) >= _capacity)
        {
            _slotUnavailable = true;
            return false;
        }

        return true;
    }

    // The slot the current tick fills (free: the caller checked the queue is not full).
    private Span<byte> CurrentSlot => _ring.AsSpan((int)(_head % _capacity) * _slotBytes, _slotBytes);

    // One party's samples into every other sample of the slot (channel 0 first), in the file's encoding.
    private void WriteChannel(ReadOnlySpan<short> samples, int party)
    {
        Span<byte> slot = CurrentSlot;
        switch (_format.Encoding)
        {
            case RecordingEncoding.MuLaw:
                for (int i = 0; i < samples.Length; i++)
                {
                    slot[(2 * i) + party] = MuLaw.Encode(samples[i]);
                }

                break;
            case RecordingEncoding.ALaw:
                for (int i = 0; i < samples.Length; i++)
                {
                    slot[(2 * i) + party] = ALaw.Encode(samples[i]);
                }

                break;
            default:
                Span<short> pcm = MemoryMarshal.Cast<byte, short>(slot);
                for (int i = 0; i < samples.Length; i++)
                {
                    pcm[(2 * i) + party] = BitConverter.IsLittleEndian ? samples[i] : BinaryPrimitives.ReverseEndianness(samples[i]);
                }

                break;
        }
    }

    private void WriteSilentChannel(int party)
    {
        Span<byte> slot = CurrentSlot;
        if (_format.Encoding == RecordingEncoding.Pcm16)
        {
            Span<short> pcm = MemoryMarshal.Cast<byte, short>(slot);
            for (int i = party; i < pcm.Length; i += 2)
            {
                pcm[i] = 0;
            }
        }
        else
        {
            for (int i = party; i < slot.Length; i += 2)
            {
                slot[i] = _silence;
            }
        }
    }

    // Mono: the parties' sum, saturated.
    private void BuildBlock()
    {
        int samples = _samplesPerFrame;
        Span<int> sum = _mixSum;
        sum.Clear();
        for (int party = 0; party < _parties; party++)
        {
            if (_present[party])
            {
                short[] staged = _staged[party]!;
                for (int i = 0; i < samples; i++)
                {
                    sum[i] += staged[i];
                }
            }
        }

        PcmMath.Saturate(sum, _block);
        Array.Clear(_present);
    }

    private void EncodeBlock(Span<byte> slot)
    {
        switch (_format.Encoding)
        {
            case RecordingEncoding.MuLaw:
                MuLaw.Encode(_block, slot);
                break;
            case RecordingEncoding.ALaw:
                ALaw.Encode(_block, slot);
                break;
            default:
                if (BitConverter.IsLittleEndian)
                {
                    MemoryMarshal.AsBytes(_block.AsSpan()).CopyTo(slot);
                }
                else
                {
                    for (int i = 0; i < _block.Length; i++)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(slot[(2 * i)..], _block[i]);
                    }
                }

                break;
        }
    }
}
