namespace ContactCenter.Sip.Messages;

/// <summary>
/// The per-header grammar checks that the parser's routing view leaves out (RFC 3261 §25): the Request-URI, every
/// Via, Contact and Route value, Date, Expires, Content-Type, Accept, option tags and the like. The server runs it on
/// every request after <see cref="SipMessageParser.TryParse"/>; a failure is answered 400 naming the header.
/// Unknown headers and unknown URI schemes pass: what to do with them (416, 420, 415, …) is the server's decision.
/// Never throws and allocates nothing.
/// </summary>
public static partial class SipMessageValidator
{
    public static SipParseError Validate(SipMessage message)
    {
        if (message.IsRequest && !IsValidRequestUri(message.RequestUriBytes))
            return new SipParseError(RejectionReason.InvalidRequestUri);
        var data = message.Data;
        foreach (ref readonly var header in message.Headers)
        {
            if (!IsValid(header.Id, header.Value.Slice(data)))
                return new SipParseError(RejectionReason.MalformedHeader, header.Id);
        }
        return SipParseError.None;
    }

    private static bool IsValid(HeaderId id, ReadOnlyMemory<byte> value) => id switch
    {
        HeaderId.Via => IsViaList(value),
        HeaderId.Contact => IsContactList(value),
        HeaderId.Route or HeaderId.RecordRoute or HeaderId.Path => IsRouteList(value),
        HeaderId.ReplyTo or HeaderId.ReferTo or HeaderId.ReferredBy => IsNameAddress(value),
        HeaderId.PAssertedIdentity or HeaderId.PPreferredIdentity => IsNameAddressList(value),
        HeaderId.Date => IsRfc1123Date(value.Span),
        HeaderId.Expires or HeaderId.MinExpires or HeaderId.RSeq => IsDeltaSeconds(value.Span),
        HeaderId.SessionExpires or HeaderId.MinSE or HeaderId.RetryAfter => IsDeltaSecondsWithParameters(value.Span),
        HeaderId.RAck => IsRAck(value.Span),
        HeaderId.ContentType => IsMediaType(value.Span),
        HeaderId.Accept => IsAcceptList(value.Span),
        HeaderId.Require or HeaderId.ProxyRequire or HeaderId.Unsupported or HeaderId.ContentEncoding =>
            IsTokenList(value.Span, allowEmpty: false),
        HeaderId.Supported or HeaderId.Allow or HeaderId.AllowEvents => IsTokenList(value.Span, allowEmpty: true),
        HeaderId.AcceptEncoding => IsTokenWithParametersList(value.Span),
        HeaderId.Event => IsTokenWithParameters(value.Span),
        HeaderId.Authorization or HeaderId.ProxyAuthorization => IsCredentials(value.Span),
        _ => true,
    };
}
