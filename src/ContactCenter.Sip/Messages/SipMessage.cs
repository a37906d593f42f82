using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// A parsed SIP request or response: a view over the message bytes. The routing view (start line, top Via branch,
/// From/To tags, Call-ID, CSeq, Max-Forwards, Content-Length) is parsed once; every other header is parsed when asked.
/// </summary>
public sealed partial class SipMessage
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly HeaderField[] _headers;
    private readonly int _headerCount;

    internal SipMessage(ReadOnlyMemory<byte> data, HeaderField[] headers, int headerCount)
    {
        _data = data;
        _headers = headers;
        _headerCount = headerCount;
    }

    /// <summary>The message's bytes, from the start line to the end of the body.</summary>
    public ReadOnlyMemory<byte> Raw => _data;

    public bool IsRequest { get; internal init; }

    public bool IsResponse => !IsRequest;

    /// <summary>The request's method; for a response, the method of its CSeq.</summary>
    public SipMethod Method { get; internal init; }

    internal TextRange MethodRange { get; init; }

    internal TextRange RequestUriRange { get; init; }

    internal TextRange ReasonRange { get; init; }

    internal TextRange BodyRange { get; init; }

    /// <summary>The method name as sent (meaningful when <see cref="Method"/> is Unknown).</summary>
    public ReadOnlyMemory<byte> MethodName => MethodRange.Slice(_data);

    public ReadOnlyMemory<byte> RequestUriBytes => RequestUriRange.Slice(_data);

    /// <summary>
    /// The Request-URI, parsed on each call (a view, nothing allocated); <c>default</c> (scheme Other, empty) for a
    /// response or a URI that is not well-formed. <see cref="SipMessageValidator"/> rejects the latter.
    /// </summary>
    public SipUri RequestUri => TryGetRequestUri(out var uri) ? uri : default;

    public bool TryGetRequestUri(out SipUri uri)
    {
        uri = default;
        return IsRequest && SipUri.TryParse(RequestUriRange.Slice(_data), out uri);
    }

    public int StatusCode { get; internal init; }

    public ReadOnlyMemory<byte> ReasonPhrase => ReasonRange.Slice(_data);

    public ReadOnlyMemory<byte> Body => BodyRange.Slice(_data);

    /// <summary>Where the message came from; set by the transport that received it, null for messages built locally.</summary>
    public SipSource? Source { get; set; }

    public int HeaderCount => _headerCount;

    public HeaderField HeaderAt(int index) =>
        (uint)index < (uint)_headerCount ? _headers[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<byte> NameOf(in HeaderField field) => field.Name.Slice(_data.Span);

    public ReadOnlyMemory<byte> ValueOf(in HeaderField field) => field.Value.Slice(_data);

    public override string ToString() => Encoding.UTF8.GetString(_data.Span);

    internal ReadOnlySpan<HeaderField> Headers => _headers.AsSpan(0, _headerCount);

    internal ReadOnlyMemory<byte> Data => _data;
}
