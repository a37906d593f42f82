namespace ContactCenter.Media.Codecs;

/// <summary>Turns payload bytes from one stream back into linear PCM.</summary>
/// <remarks>
/// Not thread-safe when the codec is stateful: one decoder per incoming stream, used by one
/// thread at a time. Never allocates; any payload content is accepted without an exception.
/// </remarks>
public interface IAudioDecoder
{
    /// <summary>The codec this decoder belongs to (frame size, sample rate).</summary>
    AudioCodec Codec { get; }

    /// <summary>
    /// Decodes <paramref name="payload"/> into <paramref name="pcm"/> (at <see cref="AudioCodec.SampleRate"/>).
    /// </summary>
    /// <returns>
    /// The number of samples written; or <see cref="CodecResult.InvalidLength"/> when the payload
    /// length is impossible for the codec (an odd L16 payload), or
    /// <see cref="CodecResult.DestinationTooSmall"/> when <paramref name="pcm"/> is shorter than
    /// <see cref="AudioCodec.GetDecodedLength"/>. On a negative result nothing is written and the
    /// stream state is unchanged, so the caller can count the packet as bad and carry on.
    /// </returns>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);

    /// <summary>Returns the stream state to its initial value (a new stream or an SSRC change).</summary>
    void Reset();
}
