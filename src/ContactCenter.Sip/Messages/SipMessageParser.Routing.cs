namespace ContactCenter.Sip.Messages;

public static partial class SipMessageParser
{
    /// <summary>Largest CSeq sequence number: it "MUST be less than 2**31" (RFC 3261 §8.1.1.5).</summary>
    private const ulong MaxCSeq = int.MaxValue;

    private static bool BuildMessage(ReadOnlyMemory<byte> data, HeaderField[] headers, int count, ref StartLine startLine,
        int bodyStart, out SipMessage? message, out SipParseError error)
    {
        message = null;
        var span = data.Span;
        int via = -1, from = -1, to = -1, callId = -1, cseq = -1, maxForwards = -1, contentLength = -1;
        var duplicate = SipParseError.None;
        for (int i = 0; i < count; i++)
        {
            ref readonly var h = ref headers[i];
            switch (h.Id)
            {
                case HeaderId.Via: if (via < 0) via = i; break;
                case HeaderId.From: First(ref from, i, h, ref duplicate); break;
                case HeaderId.To: First(ref to, i, h, ref duplicate); break;
                case HeaderId.CallId: First(ref callId, i, h, ref duplicate); break;
                case HeaderId.CSeq: First(ref cseq, i, h, ref duplicate); break;
                case HeaderId.MaxForwards: First(ref maxForwards, i, h, ref duplicate); break;
                case HeaderId.ContentLength: First(ref contentLength, i, h, ref duplicate); break;
            }
        }

        // Body: Content-Length decides; without it a datagram's body runs to its end (RFC 3261 §18.3).
        int available = span.Length - bodyStart;
        int declaredLength = -1;
        var lengthError = SipParseError.None;
        if (contentLength >= 0)
        {
            var value = headers[contentLength].Value.Slice(span);
            if (!SipSyntax.TryParseUInt(value, SipLimits.MaxMessageSize, out ulong cl))
                lengthError = new SipParseError(RejectionReason.InvalidContentLength, HeaderId.ContentLength);
            else if ((int)cl > available)
                lengthError = new SipParseError(RejectionReason.ContentLengthExceedsMessage, HeaderId.ContentLength);
            else declaredLength = (int)cl;
        }
        int bodyLength = declaredLength >= 0 ? declaredLength : available;
        if (bodyStart + bodyLength > SipLimits.MaxMessageSize)
            return Invalid(out message, out error, RejectionReason.MessageTooLarge);
        data = data[..(bodyStart + bodyLength)];
        span = data.Span;

        // Mandatory headers (RFC 3261 §8.1.1); Max-Forwards is tolerated missing for RFC 2543 peers (RFC 4475 §3.4.1).
        // Named in §8.1.1's order, so the 400's reason phrase names the first one that list misses.
        HeaderId missing = to < 0 ? HeaderId.To : from < 0 ? HeaderId.From : cseq < 0 ? HeaderId.CSeq :
            callId < 0 ? HeaderId.CallId : via < 0 ? HeaderId.Via : HeaderId.Other;

        TextRange callIdRange = default, cseqMethodRange = default, fromTag = default, toTag = default, topVia = default, branch = default;
        uint cseqNumber = 0;
        SipMethod cseqMethod = SipMethod.Unknown;
        int maxForwardsValue = -1;
        error = SipParseError.None;

        if (callId >= 0)
        {
            callIdRange = headers[callId].Value;
            if (!IsCallId(callIdRange.Slice(span))) error = new SipParseError(RejectionReason.MalformedHeader, HeaderId.CallId);
        }
        if (cseq >= 0 && !error.IsError && !ParseCSeq(span, headers[cseq].Value, out cseqNumber, out cseqMethodRange))
            error = new SipParseError(RejectionReason.MalformedHeader, HeaderId.CSeq);
        if (cseq >= 0 && !error.IsError) cseqMethod = SipMethods.Parse(cseqMethodRange.Slice(span));
        if (maxForwards >= 0 && !error.IsError)
        {
            if (!SipSyntax.TryParseUInt(headers[maxForwards].Value.Slice(span), 255, out ulong mf))
                error = new SipParseError(RejectionReason.MalformedHeader, HeaderId.MaxForwards);
            else maxForwardsValue = (int)mf;
        }
        if (via >= 0 && !error.IsError && !ParseTopVia(data, headers[via].Value, out topVia, out branch))
            error = new SipParseError(RejectionReason.MalformedHeader, HeaderId.Via);
        if (from >= 0 && !error.IsError && !ParseTag(data, headers[from].Value, out fromTag))
            error = new SipParseError(RejectionReason.MalformedHeader, HeaderId.From);
        if (to >= 0 && !error.IsError && !ParseTag(data, headers[to].Value, out toTag))
            error = new SipParseError(RejectionReason.MalformedHeader, HeaderId.To);
        if (!error.IsError && missing != HeaderId.Other)
            error = new SipParseError(RejectionReason.MissingHeader, missing);
        if (!error.IsError && startLine.IsRequest && cseq >= 0 &&
            !cseqMethodRange.Slice(span).SequenceEqual(startLine.MethodRange.Slice(span)))
            error = new SipParseError(RejectionReason.CSeqMethodMismatch, HeaderId.CSeq);

        message = new SipMessage(data, headers, count)
        {
            IsRequest = startLine.IsRequest,
            Method = startLine.IsRequest ? startLine.Method : cseqMethod,
            MethodRange = startLine.IsRequest ? startLine.MethodRange : cseqMethodRange,
            RequestUriRange = startLine.UriRange,
            StatusCode = startLine.StatusCode,
            ReasonRange = startLine.ReasonRange,
            BodyRange = new TextRange((ushort)Math.Min(bodyStart, span.Length), (ushort)bodyLength),
            CallIdRange = callIdRange,
            CSeq = cseqNumber,
            CSeqMethod = cseqMethod,
            CSeqMethodRange = cseqMethodRange,
            MaxForwards = maxForwardsValue,
            ContentLength = declaredLength,
            FromTagRange = fromTag,
            ToTagRange = toTag,
            TopViaRange = topVia,
            BranchRange = branch,
        };
        if (!error.IsError) error = duplicate;
        if (!error.IsError) error = lengthError;
        return !error.IsError;
    }

    private static bool Invalid(out SipMessage? message, out SipParseError error, RejectionReason reason, HeaderId header = HeaderId.Other)
    {
        message = null;
        error = new SipParseError(reason, header);
        return false;
    }

    /// <summary>Records the first occurrence of a single-value header; a second one is an error (RFC 4475 §3.3.8, §3.3.9).</summary>
    private static void First(ref int index, int i, in HeaderField h, ref SipParseError duplicate)
    {
        if (index < 0) { index = i; return; }
        if (!duplicate.IsError) duplicate = new SipParseError(RejectionReason.MultipleSingleValueHeader, h.Id);
    }

    /// <summary>callid = word [ "@" word ]</summary>
    private static bool IsCallId(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return false;
        int at = value.IndexOf((byte)'@');
        if (at < 0) return !value.ContainsAnyExcept(SipSyntax.Word);
        var left = value[..at];
        var right = value[(at + 1)..];
        return !left.IsEmpty && !right.IsEmpty && !left.ContainsAnyExcept(SipSyntax.Word) && !right.ContainsAnyExcept(SipSyntax.Word);
    }

    /// <summary>CSeq = 1*DIGIT LWS Method</summary>
    private static bool ParseCSeq(ReadOnlySpan<byte> span, TextRange value, out uint number, out TextRange method)
    {
        number = 0;
        method = default;
        var v = value.Slice(span);
        int digitsEnd = v.IndexOfAnyExcept(SipSyntax.Digits);
        if (digitsEnd <= 0) return false;
        if (!SipSyntax.TryParseUInt(v[..digitsEnd], MaxCSeq, out ulong n)) return false;
        int methodStart = digitsEnd;
        while (methodStart < v.Length && SipSyntax.IsWhitespace(v[methodStart])) methodStart++;
        if (methodStart == digitsEnd || methodStart >= v.Length) return false;
        if (!SipSyntax.IsToken(v[methodStart..])) return false;
        number = (uint)n;
        method = TextRange.FromBounds(value.Start + methodStart, value.End);
        return true;
    }

    private static bool ParseTopVia(ReadOnlyMemory<byte> data, TextRange value, out TextRange topVia, out TextRange branch)
    {
        topVia = default;
        branch = default;
        var splitter = new HeaderValueSplitter(value.Slice(data.Span));
        if (!splitter.MoveNext()) return false;
        topVia = new TextRange((ushort)(value.Start + splitter.CurrentOffset), (ushort)splitter.Current.Length);
        if (!ViaHeader.TryParse(topVia.Slice(data), out var via)) return false;
        branch = RangeOf(data.Span, via.Branch);
        return true;
    }

    private static bool ParseTag(ReadOnlyMemory<byte> data, TextRange value, out TextRange tag)
    {
        tag = default;
        if (!NameAddress.TryParse(value.Slice(data), out var address)) return false;
        tag = RangeOf(data.Span, address.Tag);
        return true;
    }

    /// <summary>Where a slice taken from the message sits in it, as a range.</summary>
    internal static TextRange RangeOf(ReadOnlySpan<byte> message, ReadOnlySpan<byte> slice)
    {
        if (slice.IsEmpty || !message.Overlaps(slice, out int offset)) return default;
        return new TextRange((ushort)offset, (ushort)slice.Length);
    }
}
