using System.Globalization;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Usages.Client;

public sealed partial class OutboundRegistration
{
    /// <summary>REGISTER round trips for one registration: challenges from a few realms, a 423, and their retries.</summary>
    private const int MaxRounds = 8;

    private int _expires;
    private int _cseq;

    private bool HasSentRequest => Volatile.Read(ref _cseq) > 0;

    /// <summary>The outcome of one registration (or unregistration) with everything it took: challenges, 423.</summary>
    private readonly record struct RegisterOutcome(bool Success, int StatusCode, string Reason, int GrantedExpires, TimeSpan? RetryAfter)
    {
        public static RegisterOutcome Failure(int statusCode, string reason, TimeSpan? retryAfter = null) =>
            new(false, statusCode, reason, 0, retryAfter);
    }

    private async Task<RegisterOutcome> RegisterAsync(bool unregister, CancellationToken cancellationToken)
    {
        int expires = unregister ? 0 : Volatile.Read(ref _expires);
        _digest.StartNewRequest();
        byte[] request = BuildRegister(expires);
        for (int round = 0; round < MaxRounds; round++)
        {
            var sent = ParseOwn(request);
            var response = await _transactions.SendRequestAsync(request, _options.Destination).WaitAsync(cancellationToken).ConfigureAwait(false);
            int status = response.StatusCode;
            string reason = Encoding.UTF8.GetString(response.ReasonPhrase.Span);
            if (status is >= 200 and < 300)
            {
                if (unregister) return new RegisterOutcome(true, status, reason, 0, null);
                int granted = GrantedExpiry(response, expires);
                return granted > 0
                    ? new RegisterOutcome(true, status, reason, granted, null)
                    : RegisterOutcome.Failure(status, "The registrar granted no time to the contact");
            }
            if (status is 401 or 407)
            {
                var answer = _digest.Answer(sent, response);
                if (!answer.CanRetry) return RegisterOutcome.Failure(status, answer.FailureReason ?? reason);
                request = SipRequestRewriter.Reissue(sent, answer.Headers);
                Volatile.Write(ref _cseq, (int)sent.CSeq + 1);
                continue;
            }
            if (status == 423 && !unregister && TryReadSeconds(response, HeaderId.MinExpires, out int minExpires)
                && minExpires > expires && minExpires <= _options.MaxAcceptedMinExpires)
            {
                // RFC 3261 §10.2.8: retry with at least Min-Expires, and keep it for later refreshes.
                expires = minExpires;
                Volatile.Write(ref _expires, minExpires);
                _digest.StartNewRequest();
                request = BuildRegister(expires);
                continue;
            }
            TimeSpan? retryAfter = TryReadSeconds(response, HeaderId.RetryAfter, out int seconds) ? TimeSpan.FromSeconds(seconds) : null;
            return RegisterOutcome.Failure(status, reason, retryAfter);
        }
        return RegisterOutcome.Failure(0, $"No final answer after {MaxRounds} REGISTER round trips");
    }

    /// <summary>A new REGISTER: same Call-ID and From tag as every other, next CSeq, fresh branch, no credentials.</summary>
    private byte[] BuildRegister(int expires)
    {
        int cseq = Interlocked.Increment(ref _cseq);
        var writer = new SipMessageWriter(512);
        writer.RequestLine(SipMethod.Register, Encoding.UTF8.GetBytes(_options.RegistrarUri));
        writer.BeginHeader(HeaderId.Via).Append("SIP/2.0/"u8).Append(TransportToken(_options.Destination.Transport)).Append(" "u8)
            .Append(_options.ViaSentBy).Append(";rport;branch="u8).Append(SipIds.NewBranch()).EndHeader();
        writer.Header(HeaderId.MaxForwards, 70);
        writer.BeginHeader(HeaderId.From).Append("<"u8).Append(_options.Aor).Append(">;tag="u8).Append(FromTag).EndHeader();
        writer.BeginHeader(HeaderId.To).Append("<"u8).Append(_options.Aor).Append(">"u8).EndHeader();
        writer.Header(HeaderId.CallId, CallId);
        writer.BeginHeader(HeaderId.CSeq).Append(cseq).Append(" REGISTER"u8).EndHeader();
        writer.BeginHeader(HeaderId.Contact).Append("<"u8).Append(_options.Contact).Append(">"u8).EndHeader();
        writer.Header(HeaderId.Expires, expires);
        if (_options.UserAgent is not null) writer.Header(HeaderId.UserAgent, _options.UserAgent);
        return writer.Finish();
    }

    /// <summary>
    /// The interval granted to our contact: its expires parameter in the 200's Contact list, else the Expires header,
    /// else what was asked (a registrar that echoes the contact bare, as sipp's does).
    /// </summary>
    private int GrantedExpiry(SipMessage response, int requested)
    {
        var ours = OwnContactUri();
        foreach (var value in response.GetValues(HeaderId.Contact))
        {
            if (!NameAddress.TryParse(value, out var contact) || !SameUri(contact.Uri, ours)) continue;
            if (contact.TryGetParameter("expires"u8, out var text) && TryParseSeconds(text, out int fromContact)) return fromContact;
            break;
        }
        return TryReadSeconds(response, HeaderId.Expires, out int fromHeader) ? fromHeader : requested;
    }

    private SipUri OwnContactUri()
    {
        SipUri.TryParse(Encoding.UTF8.GetBytes(_options.Contact), out var uri);
        return uri;
    }

    /// <summary>RFC 3261 §19.1.4 in the parts that matter for finding our binding: scheme, user exactly, host ignoring case, port.</summary>
    internal static bool SameUri(SipUri a, SipUri b) =>
        a.Scheme == b.Scheme && a.User.SequenceEqual(b.User) && Ascii.EqualsIgnoreCase(a.Host, b.Host)
        && EffectivePort(a) == EffectivePort(b);

    private static int EffectivePort(SipUri uri) => uri.Port != 0 ? uri.Port : uri.Scheme == UriScheme.Sips ? 5061 : 5060;

    private static bool TryReadSeconds(SipMessage response, HeaderId id, out int seconds)
    {
        seconds = 0;
        if (!response.TryGetHeader(id, out var value)) return false;
        var span = SipSyntax.Trim(value.Span);
        // Retry-After may carry a comment and parameters after the number (RFC 3261 §20.33).
        int end = 0;
        while (end < span.Length && (uint)(span[end] - '0') <= 9) end++;
        return TryParseSeconds(span[..end], out seconds);
    }

    private static bool TryParseSeconds(ReadOnlySpan<byte> text, out int seconds) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);

    private static SipMessage ParseOwn(byte[] request) =>
        SipMessageParser.TryParse(request, out var message, out var error) && message is not null
            ? message
            : throw new InvalidOperationException($"A REGISTER built here did not parse ({error}).");

    private static ReadOnlySpan<byte> TransportToken(SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => "UDP"u8,
        SipTransportKind.Tcp => "TCP"u8,
        SipTransportKind.Tls => "TLS"u8,
        SipTransportKind.Sctp => "SCTP"u8,
        SipTransportKind.Ws => "WS"u8,
        SipTransportKind.Wss => "WSS"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Via transport token."),
    };

    private static string HostOf(string sentBy)
    {
        if (sentBy.StartsWith('[')) return sentBy[..(sentBy.IndexOf(']') + 1)];
        int colon = sentBy.LastIndexOf(':');
        return colon < 0 ? sentBy : sentBy[..colon];
    }

    private static void Validate(OutboundRegistrationOptions options)
    {
        RequireUri(options.Aor, nameof(options.Aor));
        RequireUri(options.RegistrarUri, nameof(options.RegistrarUri));
        RequireUri(options.Contact, nameof(options.Contact));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ViaSentBy);
        if (options.ViaSentBy.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or ',' or '"'))
            throw new ArgumentException("ViaSentBy is host[:port].", nameof(options));
        if (options.UserAgent is not null && options.UserAgent.Any(char.IsControl))
            throw new ArgumentException("UserAgent holds a control character.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestedExpires, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetryDelay, options.RetryDelay);
        ArgumentOutOfRangeException.ThrowIfNegative(options.RetryJitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.RetryJitter, 1.0);
        _ = TransportToken(options.Destination.Transport);
    }

    private static void RequireUri(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>')
            || !SipUri.TryParse(Encoding.UTF8.GetBytes(value), out var uri) || !uri.IsSip)
            throw new ArgumentException($"{name} must be a sip: or sips: URI without angle brackets, e.g. sip:user@example.com.", name);
    }
}
