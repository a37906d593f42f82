using System.Text;

namespace ContactCenter.Sip.Messages;

public sealed partial class SipMessage
{
    /// <summary>The first header line with this id, whole (for a list header, all its comma-separated values).</summary>
    public bool TryGetHeader(HeaderId id, out ReadOnlyMemory<byte> value)
    {
        foreach (ref readonly var h in Headers)
        {
            if (h.Id == id) { value = h.Value.Slice(_data); return true; }
        }
        value = default;
        return false;
    }

    /// <summary>The first header line with this name (case-insensitive; compact forms map to their long name).</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        var id = HeaderNames.Lookup(name);
        if (id != HeaderId.Other) return TryGetHeader(id, out value);
        var span = _data.Span;
        foreach (ref readonly var h in Headers)
        {
            if (h.Id == HeaderId.Other && Ascii.EqualsIgnoreCase(h.Name.Slice(span), name))
            {
                value = h.Value.Slice(_data);
                return true;
            }
        }
        value = default;
        return false;
    }

    public bool HasHeader(HeaderId id) => TryGetHeader(id, out _);

    public string? GetHeaderString(HeaderId id) => TryGetHeader(id, out var v) ? Encoding.UTF8.GetString(v.Span) : null;

    /// <summary>
    /// Every value of a header across all its lines; for list headers (Via, Contact, Route, Allow, Supported, …) each
    /// comma-separated element is its own value (RFC 3261 §7.3.1).
    /// </summary>
    public HeaderValues GetValues(HeaderId id) => new(this, id);

    public int CountValues(HeaderId id)
    {
        int n = 0;
        foreach (var _ in GetValues(id)) n++;
        return n;
    }

    /// <summary>Whether a list header such as Supported or Require names a token (case-insensitive).</summary>
    public bool HasToken(HeaderId id, ReadOnlySpan<byte> token)
    {
        foreach (var value in GetValues(id))
            if (Ascii.EqualsIgnoreCase(value.Span, token)) return true;
        return false;
    }
}
