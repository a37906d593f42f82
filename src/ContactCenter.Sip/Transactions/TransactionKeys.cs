using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The keys of the transaction tables (RFC 3261 §17.1.3, §17.2.3, §8.2.2.2). A key is written by one of these methods
/// into a <see cref="TransactionKeyWriter"/> sized with <see cref="Capacity"/>.
/// </summary>
internal static class TransactionKeys
{
    /// <summary>Chars a caller should stackalloc: enough for every key of a usual message, so the pool is rarely touched.</summary>
    public const int StackChars = 1024;

    /// <summary>Room for any key of a message: the longest key holds these fields, separators, a number and a method.</summary>
    public static int Capacity(SipMessage message) =>
        message.RequestUriRange.Length + message.ToTagRange.Length + message.FromTagRange.Length + message.CallIdRange.Length +
        message.TopViaRange.Length + message.BranchRange.Length + message.MethodRange.Length + 64;

    public static ReadOnlySpan<byte> Invite => "INVITE"u8;

    /// <summary>
    /// A server transaction: branch, sent-by and method when the branch has the magic cookie; otherwise the RFC 2543
    /// fields (Request-URI, To tag, From tag, Call-ID, CSeq, top Via). <paramref name="method"/> is the request's
    /// method, or INVITE when looking up the INVITE an ACK or CANCEL refers to.
    /// </summary>
    public static void Server(ref TransactionKeyWriter key, SipMessage request, ReadOnlySpan<byte> method)
    {
        if (request.HasRfc3261Branch)
        {
            var via = request.TopVia;
            key.Kind('S');
            key.LowerField(request.Branch.Span);
            key.LowerField(via.Host);
            key.Number((uint)via.Port);
            key.Field(method);
            return;
        }
        key.Kind('O');
        key.Field(request.RequestUriBytes.Span);
        key.LowerField(request.ToTag.Span);
        key.LowerField(request.FromTag.Span);
        key.Field(request.CallId.Span);
        key.Number(request.CSeq);
        key.Field(method);
        key.Field(TopViaBytes(request));
    }

    /// <summary>
    /// Where an RFC 2543 ACK finds its INVITE: the INVITE's fields without the To tag, which the ACK takes from the
    /// response (§17.2.3); the To tag is compared against the final response afterwards.
    /// </summary>
    public static void Rfc2543Ack(ref TransactionKeyWriter key, SipMessage request)
    {
        key.Kind('A');
        key.Field(request.RequestUriBytes.Span);
        key.LowerField(request.FromTag.Span);
        key.Field(request.CallId.Span);
        key.Number(request.CSeq);
        key.Field(TopViaBytes(request));
    }

    /// <summary>From tag, Call-ID and CSeq: two requests sharing them but not a transaction are merged (§8.2.2.2).</summary>
    public static void Merge(ref TransactionKeyWriter key, SipMessage request)
    {
        key.Kind('M');
        key.LowerField(request.FromTag.Span);
        key.Field(request.CallId.Span);
        key.Number(request.CSeq);
        key.Field(request.MethodName.Span);
    }

    /// <summary>A client transaction: the branch of the request's top Via and the CSeq method (§17.1.3).</summary>
    public static void Client(ref TransactionKeyWriter key, ReadOnlySpan<byte> branch, ReadOnlySpan<byte> method)
    {
        key.Kind('C');
        key.LowerField(branch);
        key.Field(method);
    }

    public static ReadOnlySpan<byte> TopViaBytes(SipMessage message) => message.TopViaRange.Slice(message.Data.Span);
}
