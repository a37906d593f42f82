using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// Twelve samples of one QMF polyphase branch, stored twice so the newest twelve are always one
/// contiguous window (no modulo, no shifting).
/// </summary>
[InlineArray(2 * Taps)]
internal struct QmfHistory
{
    public const int Taps = 12;

    private int _element;
}
