using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Registrar;

public sealed partial class RegistrarUsage
{
    /// <summary>
    /// One Contact of the request. Its URI stays bytes: a refresh of an existing binding (the common case) reuses the
    /// binding's strings, and only a new contact pays for its text and comparison key.
    /// </summary>
    private readonly record struct RequestedContact(SipUri Uri, int Expires, float Q, string? InstanceId);

    /// <summary>What the location update needs from the request, passed without a closure.</summary>
    private readonly record struct BindState(
        RegistrarUsage Registrar, SipMessage Request, string Aor, List<RequestedContact> Requested, bool Wildcard, DateTimeOffset Now);

    private byte[] Bind(SipMessage request, string aor, byte[] tag)
    {
        int? headerExpires = null;
        if (request.TryGetHeader(HeaderId.Expires, out var expiresValue))
        {
            if (!TryParseExpires(expiresValue.Span, out int e)) return Reply(request, 400, "Malformed Expires Header", tag);
            headerExpires = e;
        }

        var requested = new List<RequestedContact>(1);
        bool wildcard = false;
        int contactValues = 0;
        foreach (var value in request.GetValues(HeaderId.Contact))
        {
            contactValues++;
            if (value.Span.SequenceEqual("*"u8)) { wildcard = true; continue; }
            if (!NameAddress.TryParse(value, out var contact) || !contact.Uri.IsSip && contact.Uri.Scheme != UriScheme.Tel)
                return Reply(request, 400, "Malformed Contact Header", tag);
            int expires = headerExpires ?? options.DefaultExpires;
            if (contact.TryGetParameter("expires"u8, out var contactExpires) && !TryParseExpires(contactExpires, out expires))
                return Reply(request, 400, "Malformed Contact Header", tag);
            if (expires != 0 && expires < options.MinExpires) return IntervalTooBrief(request, tag);
            expires = Math.Min(expires, options.MaxExpires);
            float q = 1.0f;
            if (contact.TryGetParameter("q"u8, out var qValue) &&
                (!float.TryParse(qValue, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out q) || q < 0 || q > 1))
                return Reply(request, 400, "Malformed Contact Header", tag);
            string? instance = contact.TryGetParameter("+sip.instance"u8, out var inst) ? Text(inst).Trim('"') : null;
            requested.Add(new RequestedContact(contact.Uri, expires, q, instance));
        }
        // RFC 3261 §10.3 step 6: "*" only alone and only with Expires: 0.
        if (wildcard && (contactValues > 1 || headerExpires != 0))
            return Reply(request, 400, "Invalid Wildcard Contact", tag);

        if (contactValues == 0) return Ok(request, tag, location.Lookup(aor));

        var state = new BindState(this, request, aor, requested, wildcard, time.GetUtcNow());
        var decision = location.Update(aor, state, static (live, s) => s.Registrar.Decide(live, in s));
        if (decision.Bindings == null) return Reply(request, decision.Status, decision.Reason, tag);
        return Ok(request, tag, location.Lookup(aor));
    }

    /// <summary>Runs under the location service's lock: <paramref name="live"/> is a fresh list this may change and return.</summary>
    private RegistrarDecision Decide(List<RegistrationBinding> live, in BindState s)
    {
        var request = s.Request;
        var callId = request.CallId.Span;
        uint cseq = request.CSeq;
        var events = new List<RegistrationEvent>(s.Requested.Count);
        if (s.Wildcard)
        {
            foreach (var b in live)
                if (SameText(b.CallId, callId) && cseq <= b.CSeq) return RegistrarDecision.Abort(400, "CSeq Out Of Order");
            foreach (var b in live) events.Add(new RegistrationEvent(RegistrationEventKind.Removed, b, s.Now));
            live.Clear();
            return new RegistrarDecision(live, events);
        }
        string? callIdText = null, userAgent = null;
        bool userAgentRead = false;
        foreach (var c in s.Requested)
        {
            int index = FindBinding(live, c.Uri, out string? key);
            var existing = index >= 0 ? live[index] : null;
            // RFC 3261 §10.3 step 7: same Call-ID must come with a higher CSeq, or the request is out of order.
            bool sameCall = existing != null && SameText(existing.CallId, callId);
            if (sameCall && cseq <= existing!.CSeq)
                return RegistrarDecision.Abort(400, "CSeq Out Of Order");
            if (c.Expires == 0)
            {
                if (existing == null) continue;
                live.RemoveAt(index);
                events.Add(new RegistrationEvent(RegistrationEventKind.Removed, existing, s.Now));
                continue;
            }
            if (!userAgentRead)
            {
                userAgentRead = true;
                userAgent = request.TryGetHeader(HeaderId.UserAgent, out var ua)
                    ? existing?.UserAgent is { } known && SameText(known, ua.Span) ? known : Text(ua.Span)
                    : null;
            }
            callIdText ??= sameCall ? existing!.CallId : request.CallIdString;
            // key is null when the text matched: the binding's strings are this contact's.
            var binding = new RegistrationBinding(s.Aor, key is null ? existing!.ContactUri : c.Uri.ToString(), key ?? existing!.ContactKey, c.Q,
                existing?.RegisteredAt ?? s.Now, s.Now.AddSeconds(c.Expires), callIdText, cseq, request.Source!, userAgent, c.InstanceId);
            if (existing != null)
            {
                live[index] = binding;
                events.Add(new RegistrationEvent(RegistrationEventKind.Refreshed, binding, s.Now));
            }
            else
            {
                live.Add(binding);
                events.Add(new RegistrationEvent(RegistrationEventKind.Added, binding, s.Now));
            }
        }
        if (live.Count > options.MaxContactsPerAor) return RegistrarDecision.Abort(403, "Too Many Contacts For This Extension");
        return new RegistrarDecision(live, events);
    }

    /// <summary>
    /// The binding of <paramref name="uri"/>: first by identical text (a refresh: nothing to allocate), then by the
    /// §19.1.4 comparison key, which <paramref name="key"/> returns when it had to be computed.
    /// </summary>
    private static int FindBinding(List<RegistrationBinding> live, in SipUri uri, out string? key)
    {
        key = null;
        var raw = uri.Raw.Span;
        for (int i = 0; i < live.Count; i++)
            if (SameText(live[i].ContactUri, raw)) return i;
        key = ContactKey.Of(uri);
        for (int i = 0; i < live.Count; i++)
            if (live[i].ContactKey == key) return i;
        return -1;
    }

    /// <summary>Whether <paramref name="text"/> is exactly <paramref name="bytes"/> (ASCII; anything else compares unequal).</summary>
    private static bool SameText(string text, ReadOnlySpan<byte> bytes)
    {
        if (text.Length != bytes.Length) return false;
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] >= 0x80 || text[i] != bytes[i]) return false;
        return true;
    }

    private byte[] IntervalTooBrief(SipMessage request, byte[] tag) =>
        SipResponseFactory.Create(request, 423, "Interval Too Brief", tag).Header(HeaderId.MinExpires, options.MinExpires).Finish();

    /// <summary>delta-seconds; values past 2^32-1 are taken as "very long" and capped later (RFC 4475 §3.1.2.4).</summary>
    private bool TryParseExpires(ReadOnlySpan<byte> value, out int expires)
    {
        expires = 0;
        if (value.IsEmpty || value.ContainsAnyExcept("0123456789"u8)) return false;
        expires = SipSyntax.TryParseUInt(value, int.MaxValue, out ulong v) ? (int)v : options.MaxExpires;
        return true;
    }
}
