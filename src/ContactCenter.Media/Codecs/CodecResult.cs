namespace ContactCenter.Media.Codecs;

/// <summary>
/// The negative results of <see cref="IAudioEncoder.Encode"/>, <see cref="IAudioDecoder.Decode"/>
/// and <see cref="IAudioResampler.Process"/>. A non-negative result is a count of items written.
/// </summary>
/// <remarks>Plain integers keep the hot path free of exceptions and allocations.</remarks>
public static class CodecResult
{
    /// <summary>The output span cannot hold the whole result; nothing was written.</summary>
    public const int DestinationTooSmall = -1;

    /// <summary>The input length is impossible for the format (odd L16 payload, odd G.722 sample count).</summary>
    public const int InvalidLength = -2;

    /// <summary>True for a count, false for one of the failure values.</summary>
    public static bool IsSuccess(int result) => result >= 0;
}
