using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>Six ints stored inline: the G.722 zero-predictor coefficients and their difference history.</summary>
[InlineArray(Length)]
internal struct SixTaps
{
    public const int Length = 6;

    private int _element;
}
