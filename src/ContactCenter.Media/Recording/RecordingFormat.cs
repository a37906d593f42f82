using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Recording;

/// <summary>The shape of a recording file: layout, sample encoding and rate (8000 or 16000 Hz).</summary>
public readonly record struct RecordingFormat(RecordingLayout Layout, RecordingEncoding Encoding, int SampleRate)
{
    /// <summary>Stereo (caller left, agent right), 8 kHz 16-bit PCM.</summary>
    public static readonly RecordingFormat StereoPcm16Narrowband = new(RecordingLayout.Stereo, RecordingEncoding.Pcm16, 8000);

    /// <summary>
    /// Stereo 8 kHz G.711 µ-law (WAVE format 7): a G.711 µ-law call is stored byte for byte as it arrived, with nothing
    /// decoded or re-encoded, in half the bytes of 16-bit PCM. The default of a leg's recording (see
    /// <see cref="Sessions.LegRecordingOptions.Format"/>).
    /// </summary>
    public static readonly RecordingFormat StereoMuLawNarrowband = new(RecordingLayout.Stereo, RecordingEncoding.MuLaw, 8000);

    /// <summary>Stereo 8 kHz G.711 A-law (WAVE format 6): the default for a call whose leg uses PCMA.</summary>
    public static readonly RecordingFormat StereoALawNarrowband = new(RecordingLayout.Stereo, RecordingEncoding.ALaw, 8000);

    /// <summary>The parties a <see cref="RecordingLayout.Stereo"/> file holds, one per channel.</summary>
    public const int StereoParties = 2;

    /// <summary>Channels in the file: 2 for stereo, 1 for a mono mix.</summary>
    public int Channels => Layout == RecordingLayout.Stereo ? 2 : 1;

    /// <summary>Bytes for one sample of one channel.</summary>
    public int BytesPerSample => Encoding == RecordingEncoding.Pcm16 ? 2 : 1;

    /// <summary>Bytes for one sample of every channel (the WAVE block align).</summary>
    public int BlockAlign => Channels * BytesPerSample;

    /// <summary>Samples per channel in one 20 ms tick.</summary>
    public int SamplesPerFrame => SampleRate * AudioFormat.FrameMilliseconds / 1000;

    /// <summary>Bytes one 20 ms tick adds to the data chunk.</summary>
    public int BytesPerFrame => SamplesPerFrame * BlockAlign;

    /// <summary>The WAVE format tag: 1 (PCM), 6 (A-law) or 7 (µ-law).</summary>
    public ushort FormatTag => Encoding switch
    {
        RecordingEncoding.MuLaw => 7,
        RecordingEncoding.ALaw => 6,
        _ => 1,
    };

    /// <summary>Throws when the format cannot be recorded (unknown enum value, rate other than 8000/16000).</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Layout))
        {
            throw new ArgumentOutOfRangeException(nameof(Layout), Layout, "Unknown recording layout.");
        }

        if (!Enum.IsDefined(Encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(Encoding), Encoding, "Unknown recording encoding.");
        }

        if (SampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "Recordings are 8000 or 16000 Hz.");
        }
    }

    public override string ToString() => $"{Layout} {Encoding} {SampleRate} Hz";
}
