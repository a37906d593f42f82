using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Playback;

/// <summary>
/// A decoded, immutable piece of audio (a prompt, music on hold) held in memory once and shared by every
/// <see cref="WavPlayer"/> that plays it: a thousand calls on hold cost one buffer, and each player only a position.
/// </summary>
/// <remarks>Thread-safe. The converted copy for the other rate (8 ↔ 16 kHz) is made once, on first use, and cached.</remarks>
public sealed class AudioClip
{
    /// <summary>The default size limit of <see cref="TryLoadFile"/>: 64 MiB, over half an hour of 16 kHz PCM.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    private readonly short[] _samples;
    private AudioClip? _converted;

    private AudioClip(short[] samples, int sampleRate)
    {
        _samples = samples;
        SampleRate = sampleRate;
    }

    /// <summary>8000 or 16000.</summary>
    public int SampleRate { get; }

    public ReadOnlyMemory<short> Samples => _samples;

    public TimeSpan Duration => TimeSpan.FromTicks(_samples.LongLength * TimeSpan.TicksPerSecond / SampleRate);

    internal short[] Buffer => _samples;

    /// <summary>Copies linear samples into a clip.</summary>
    /// <exception cref="ArgumentException">The rate is not 8000 or 16000, or there are no samples.</exception>
    public static AudioClip FromPcm(ReadOnlySpan<short> samples, int sampleRate)
    {
        if (sampleRate is not (8000 or 16000) || samples.IsEmpty)
        {
            throw new ArgumentException("A clip holds at least one sample at 8000 or 16000 Hz.", nameof(samples));
        }

        return new AudioClip(samples.ToArray(), sampleRate);
    }

    /// <summary>Decodes a WAV file held in memory (see <see cref="WavReader"/> for what is accepted).</summary>
    public static WavError TryLoad(ReadOnlySpan<byte> wav, out AudioClip? clip)
    {
        clip = null;
        WavError error = WavReader.TryDecode(wav, out short[] samples, out int sampleRate, out _);
        if (error == WavError.None)
        {
            clip = new AudioClip(samples, sampleRate);
        }

        return error;
    }

    /// <summary>Reads and decodes a WAV file; I/O failures come back as <see cref="WavError.Unreadable"/>, not exceptions.</summary>
    public static WavError TryLoadFile(string path, out AudioClip? clip, long maxBytes = DefaultMaxFileBytes)
    {
        clip = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > maxBytes)
            {
                return WavError.TooLarge;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return WavError.Unreadable;
        }

        return bytes.LongLength > maxBytes ? WavError.TooLarge : TryLoad(bytes, out clip);
    }

    /// <summary>This clip at <paramref name="sampleRate"/>: itself, or a resampled copy made once and shared.</summary>
    /// <exception cref="ArgumentException">The rate is not 8000 or 16000.</exception>
    public AudioClip ConvertTo(int sampleRate)
    {
        if (sampleRate == SampleRate)
        {
            return this;
        }

        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentException("Clips play at 8000 or 16000 Hz.", nameof(sampleRate));
        }

        AudioClip? converted = Volatile.Read(ref _converted);
        if (converted is null)
        {
            Interlocked.CompareExchange(ref _converted, new AudioClip(Resample(_samples, SampleRate, sampleRate), sampleRate), null);
            converted = _converted!;
        }

        return converted;
    }

    private static short[] Resample(short[] input, int inputRate, int outputRate)
    {
        IAudioResampler resampler = AudioResampler.Create(inputRate, outputRate);

        // Feed enough trailing silence to flush the filter, then drop its delay so the copy lines up with the original.
        int delay = resampler.DelaySamples;
        int padding = (int)((((long)delay + 2) * inputRate / outputRate) + 2);
        var padded = new short[input.Length + padding];
        input.CopyTo(padded, 0);
        var output = new short[resampler.GetOutputLength(padded.Length)];
        int written = resampler.Process(padded, output);
        int length = (int)((long)input.Length * outputRate / inputRate);
        return output.AsSpan(delay, Math.Min(length, written - delay)).ToArray();
    }
}
