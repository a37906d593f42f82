namespace ContactCenter.Sip.Messages;

/// <summary>Allocation-free enumeration of a header's values across lines (see <see cref="SipMessage.GetValues"/>).</summary>
public readonly struct HeaderValues(SipMessage message, HeaderId id)
{
    public Enumerator GetEnumerator() => new(message, id);

    public struct Enumerator(SipMessage message, HeaderId id)
    {
        private int _line = -1;
        private ReadOnlyMemory<byte> _lineValue;
        private int _offset;
        private readonly bool _split = HeaderNames.IsMultiValue(id);

        public ReadOnlyMemory<byte> Current { get; private set; }

        public bool MoveNext()
        {
            while (true)
            {
                if (_line >= 0 && _offset <= _lineValue.Length)
                {
                    if (!_split)
                    {
                        Current = _lineValue;
                        _offset = _lineValue.Length + 1;
                        return true;
                    }
                    var rest = _lineValue.Span[_offset..];
                    int comma = SipSyntax.IndexOfUnquoted(rest, (byte)',');
                    var (start, length) = SipSyntax.TrimRange(rest, 0, comma < 0 ? rest.Length : comma);
                    int elementStart = _offset + start;
                    _offset = comma < 0 ? _lineValue.Length + 1 : _offset + comma + 1;
                    if (length == 0) continue; // empty list elements are skipped (RFC 3261 §7.3.1 allows none, peers send them)
                    Current = _lineValue.Slice(elementStart, length);
                    return true;
                }
                if (!NextLine()) return false;
            }
        }

        private bool NextLine()
        {
            var headers = message.Headers;
            for (int i = _line + 1; i < headers.Length; i++)
            {
                if (headers[i].Id != id) continue;
                _line = i;
                _lineValue = message.ValueOf(headers[i]);
                _offset = 0;
                return true;
            }
            _line = headers.Length;
            return false;
        }
    }
}
