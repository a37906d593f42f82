using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The requests a transaction derives from its INVITE: the ACK for a non-2xx response and the CANCEL.</summary>
internal static class SipRequestBuilder
{
    private const int MaxForwards = 70;

    /// <summary>
    /// RFC 3261 §17.1.1.3: Request-URI, Call-ID, From and Route of the INVITE, its top Via only (same branch), the To of
    /// the response (with the tag the UAS chose), CSeq number with method ACK.
    /// </summary>
    public static byte[] AckForNonSuccess(SipMessage invite, SipMessage response)
    {
        var writer = Start(SipMethod.Ack, invite);
        writer.CopyHeaders(invite, HeaderId.From);
        writer.CopyHeaders(response, HeaderId.To);
        return Finish(writer, invite, "ACK"u8);
    }

    /// <summary>RFC 3261 §9.1: as the request, with its top Via only and method CANCEL; no body.</summary>
    public static byte[] Cancel(SipMessage request)
    {
        var writer = Start(SipMethod.Cancel, request);
        writer.CopyHeaders(request, HeaderId.From);
        writer.CopyHeaders(request, HeaderId.To);
        return Finish(writer, request, "CANCEL"u8);
    }

    private static SipMessageWriter Start(SipMethod method, SipMessage request)
    {
        var writer = new SipMessageWriter(256 + request.Raw.Length / 2);
        writer.RequestLine(method, request.RequestUriBytes.Span);
        writer.Header(HeaderId.Via, TransactionKeys.TopViaBytes(request));
        writer.Header(HeaderId.MaxForwards, MaxForwards);
        writer.CopyHeaders(request, HeaderId.Route);
        return writer;
    }

    private static byte[] Finish(SipMessageWriter writer, SipMessage request, ReadOnlySpan<byte> method)
    {
        writer.CopyHeaders(request, HeaderId.CallId);
        writer.BeginHeader(HeaderId.CSeq).Append(request.CSeq).Append(" "u8).Append(method).EndHeader();
        return writer.Finish();
    }
}
