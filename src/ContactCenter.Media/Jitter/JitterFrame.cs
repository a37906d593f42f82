namespace ContactCenter.Media.Jitter;

/// <summary>What <see cref="JitterBuffer.ReadEncodedFrame"/> delivered for one tick.</summary>
internal enum JitterFrame
{
    /// <summary>Nothing audible (prebuffering, after the concealment fade); the PCM frame is zeroed.</summary>
    Silent,

    /// <summary>Audio in the PCM frame: decoded, or a concealment frame.</summary>
    Decoded,

    /// <summary>A frame as it arrived, in the codec's bytes (not decoded).</summary>
    Encoded,
}
