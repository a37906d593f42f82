using System.Globalization;
using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3): authenticates REGISTER with Digest, then adds, refreshes, removes or lists the
/// contacts bound to the extension named in To, and answers with the current bindings.
/// </summary>
public sealed partial class RegistrarUsage(
    RegistrarOptions options,
    LocationService location,
    DigestAuthenticator authenticator,
    TimeProvider time,
    ISipLog log)
{
    private readonly RateLimitedLog _log = new(log, time);
    private CachedDate? _date;

    public RegistrarOptions Options => options;

    public LocationService Location => location;

    /// <summary>Processes one REGISTER and returns the whole response to send.</summary>
    public byte[] Handle(SipMessage request) => Process(request, SipTags.New()).Message;

    /// <summary>
    /// Processes one REGISTER; <paramref name="tag"/> is the To tag of the server transaction's responses. Challenges
    /// come back marked stateless: nothing is lost if a retransmission is challenged again with a fresh nonce.
    /// </summary>
    public RegistrarReply Process(SipMessage request, byte[] tag)
    {
        var message = Decide(request, tag, out bool challenge);
        return new RegistrarReply(message, Stateless: challenge);
    }

    private byte[] Decide(SipMessage request, byte[] tag, out bool challenge)
    {
        challenge = false;
        if (!request.TryGetHeader(HeaderId.To, out var toValue) || !NameAddress.TryParse(toValue, out var to) || !to.Uri.IsSip || to.Uri.User.IsEmpty)
            return Reply(request, 400, "Malformed To Header", tag);
        string aor = to.Uri.UserString;

        var auth = Authenticate(request);
        switch (auth.Outcome)
        {
            case DigestAuthenticationOutcome.Challenge:
                challenge = true;
                return Challenge(request, tag, auth.Stale);
            case DigestAuthenticationOutcome.Blocked:
                return Reply(request, 403, "Forbidden", tag);
            case DigestAuthenticationOutcome.Rejected when auth.Reason == DigestRejectReason.RealmMismatch:
                challenge = true;
                return Challenge(request, tag, stale: false);
            case DigestAuthenticationOutcome.Rejected when auth.Reason == DigestRejectReason.MalformedCredentials:
                return Reply(request, 400, "Malformed Authorization Header", tag);
            case DigestAuthenticationOutcome.Rejected:
                if (auth.BlockStarted)
                    _log.Write(SipLogLevel.Warning, "sip.registrar.block",
                        () => $"Blocking {request.Source?.RemoteEndPoint.Address} after repeated authentication failures");
                return Reply(request, 403, "Forbidden", tag);
        }
        if (!string.Equals(auth.Username, aor, StringComparison.Ordinal))
            return Reply(request, 403, "Credentials Do Not Match The Address Of Record", tag);

        return Bind(request, aor, tag);
    }

    private DigestAuthenticationResult Authenticate(SipMessage request)
    {
        var address = request.Source?.RemoteEndPoint.Address ?? System.Net.IPAddress.None;
        int count = 0;
        ReadOnlyMemory<byte> single = default;
        foreach (var value in request.GetValues(HeaderId.Authorization))
        {
            if (count == 0) single = value;
            count++;
        }
        if (count <= 1)
            return authenticator.Authenticate(request.MethodName.Span, request.RequestUriBytes.Span, options.Realm, address, single.Span);
        var all = new ReadOnlyMemory<byte>[count];
        int i = 0;
        foreach (var value in request.GetValues(HeaderId.Authorization)) all[i++] = value;
        return authenticator.Authenticate(request.MethodName.Span, request.RequestUriBytes.Span, options.Realm, address, all);
    }

    private byte[] Challenge(SipMessage request, byte[] tag, bool stale)
    {
        var writer = SipResponseFactory.Create(request, 401, "Unauthorized", tag);
        Span<byte> buffer = stackalloc byte[512];
        foreach (var challenge in authenticator.CreateChallenges(options.Realm, stale))
        {
            var target = challenge.GetMaxByteCount() <= buffer.Length ? buffer : new byte[challenge.GetMaxByteCount()];
            challenge.TryFormat(target, out int written);
            writer.Header(HeaderId.WwwAuthenticate, target[..written]);
        }
        return writer.Finish();
    }

    private static byte[] Reply(SipMessage request, int status, string reason, byte[] tag) =>
        SipResponseFactory.Create(request, status, reason, tag).Finish();

    private byte[] Ok(SipMessage request, byte[] tag, IReadOnlyList<RegistrationBinding> bindings)
    {
        var now = time.GetUtcNow();
        var writer = SipResponseFactory.Create(request, 200, "OK", tag);
        Span<byte> contact = stackalloc byte[512];
        foreach (var b in bindings)
        {
            // <uri>;expires=N written in place: no string per contact per response.
            if (Encoding.UTF8.GetMaxByteCount(b.ContactUri.Length) + 24 <= contact.Length)
            {
                contact[0] = (byte)'<';
                int length = 1 + Encoding.UTF8.GetBytes(b.ContactUri, contact[1..]);
                ">;expires="u8.CopyTo(contact[length..]);
                length += 10;
                b.RemainingSeconds(now).TryFormat(contact[length..], out int digits, default, CultureInfo.InvariantCulture);
                writer.Header(HeaderId.Contact, contact[..(length + digits)]);
            }
            else
            {
                writer.Header(HeaderId.Contact, $"<{b.ContactUri}>;expires={b.RemainingSeconds(now)}");
            }
        }
        writer.Header(HeaderId.Date, DateHeader(now));
        return writer.Finish();
    }

    /// <summary>The Date header value (RFC 1123), formatted once per second rather than once per response.</summary>
    private ReadOnlySpan<byte> DateHeader(DateTimeOffset now)
    {
        long second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var cached = _date;
        if (cached is null || cached.Second != second)
        {
            cached = new CachedDate(second, Encoding.ASCII.GetBytes(now.ToString("r", CultureInfo.InvariantCulture)));
            _date = cached;
        }
        return cached.Value;
    }

    private sealed record CachedDate(long Second, byte[] Value);

    internal static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
