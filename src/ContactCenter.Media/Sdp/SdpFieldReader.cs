using System.Numerics;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Splits a line into fields separated by runs of spaces or tabs (RFC 8866 asks for one space; phones sometimes
/// send more). Works on bytes (the parser) and chars (attribute values) alike; allocates nothing.
/// </summary>
internal ref struct SdpFieldReader<T>(ReadOnlySpan<T> text)
    where T : unmanaged, IBinaryInteger<T>
{
    private static readonly T Space = T.CreateTruncating(' ');
    private static readonly T Tab = T.CreateTruncating('\t');

    private ReadOnlySpan<T> _rest = text;

    /// <summary>Whether only whitespace remains.</summary>
    public readonly bool IsAtEnd => _rest.IndexOfAnyExcept(Space, Tab) < 0;

    /// <summary>Everything not yet read, without leading whitespace.</summary>
    public readonly ReadOnlySpan<T> Remainder
    {
        get
        {
            int start = _rest.IndexOfAnyExcept(Space, Tab);
            return start < 0 ? [] : _rest[start..];
        }
    }

    /// <summary>Reads the next field; false when none is left.</summary>
    public bool TryNext(out ReadOnlySpan<T> field)
    {
        int start = _rest.IndexOfAnyExcept(Space, Tab);
        if (start < 0)
        {
            _rest = [];
            field = [];
            return false;
        }

        var from = _rest[start..];
        int end = from.IndexOfAny(Space, Tab);
        if (end < 0)
        {
            field = from;
            _rest = [];
        }
        else
        {
            field = from[..end];
            _rest = from[end..];
        }

        return true;
    }
}
