namespace ContactCenter.Media.Codecs;

/// <summary>Turns linear PCM into payload bytes for one stream.</summary>
/// <remarks>
/// Not thread-safe when the codec is stateful: one encoder per outgoing stream, used by one
/// thread at a time. Never allocates and never throws for any input.
/// </remarks>
public interface IAudioEncoder
{
    /// <summary>The codec this encoder belongs to (frame size, sample rate).</summary>
    AudioCodec Codec { get; }

    /// <summary>
    /// Encodes <paramref name="pcm"/> (at <see cref="AudioCodec.SampleRate"/>) into <paramref name="payload"/>.
    /// </summary>
    /// <returns>
    /// The number of bytes written; or <see cref="CodecResult.DestinationTooSmall"/> when
    /// <paramref name="payload"/> is shorter than <see cref="AudioCodec.GetEncodedLength"/>, or
    /// <see cref="CodecResult.InvalidLength"/> when the sample count cannot be encoded (G.722 takes
    /// pairs). On a negative result nothing is written and the stream state is unchanged.
    /// </returns>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);

    /// <summary>Returns the stream state to its initial value (a new stream, or a reused encoder).</summary>
    void Reset();
}
