using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Registrar;

public sealed partial class RegistrarUsage
{
    private readonly record struct RequestedContact(string Uri, string Key, int Expires, float Q, string? InstanceId);

    private byte[] Bind(SipMessage request, string aor, byte[] tag)
    {
        int? headerExpires = null;
        if (request.TryGetHeader(HeaderId.Expires, out var expiresValue))
        {
            if (!TryParseExpires(expiresValue.Span, out int e)) return Reply(request, 400, "Malformed Expires Header", tag);
            headerExpires = e;
        }

        var requested = new List<RequestedContact>();
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
                (!float.TryParse(Text(qValue), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out q) || q < 0 || q > 1))
                return Reply(request, 400, "Malformed Contact Header", tag);
            string? instance = contact.TryGetParameter("+sip.instance"u8, out var inst) ? Text(inst).Trim('"') : null;
            var uri = contact.Uri;
            requested.Add(new RequestedContact(uri.ToString(), ContactKey.Of(uri), expires, q, instance));
        }
        // RFC 3261 §10.3 step 6: "*" only alone and only with Expires: 0.
        if (wildcard && (contactValues > 1 || headerExpires != 0))
            return Reply(request, 400, "Invalid Wildcard Contact", tag);

        if (contactValues == 0) return Ok(request, tag, location.Lookup(aor));

        string callId = request.CallIdString;
        uint cseq = request.CSeq;
        var now = time.GetUtcNow();
        string? userAgent = request.GetHeaderString(HeaderId.UserAgent);
        var decision = location.Update(aor, live =>
        {
            var events = new List<RegistrationEvent>();
            var result = new List<RegistrationBinding>(live);
            if (wildcard)
            {
                foreach (var b in live)
                    if (b.CallId == callId && cseq <= b.CSeq) return RegistrarDecision.Abort(400, "CSeq Out Of Order");
                foreach (var b in live) events.Add(new RegistrationEvent(RegistrationEventKind.Removed, b, now));
                return new RegistrarDecision([], events);
            }
            foreach (var c in requested)
            {
                int index = result.FindIndex(b => b.ContactKey == c.Key);
                var existing = index >= 0 ? result[index] : null;
                // RFC 3261 §10.3 step 7: same Call-ID must come with a higher CSeq, or the request is out of order.
                if (existing != null && existing.CallId == callId && cseq <= existing.CSeq)
                    return RegistrarDecision.Abort(400, "CSeq Out Of Order");
                if (c.Expires == 0)
                {
                    if (existing == null) continue;
                    result.RemoveAt(index);
                    events.Add(new RegistrationEvent(RegistrationEventKind.Removed, existing, now));
                    continue;
                }
                var binding = new RegistrationBinding(aor, c.Uri, c.Key, c.Q, existing?.RegisteredAt ?? now,
                    now.AddSeconds(c.Expires), callId, cseq, request.Source!, userAgent, c.InstanceId);
                if (existing != null)
                {
                    result[index] = binding;
                    events.Add(new RegistrationEvent(RegistrationEventKind.Refreshed, binding, now));
                }
                else
                {
                    result.Add(binding);
                    events.Add(new RegistrationEvent(RegistrationEventKind.Added, binding, now));
                }
            }
            if (result.Count > options.MaxContactsPerAor) return RegistrarDecision.Abort(403, "Too Many Contacts For This Extension");
            return new RegistrarDecision(result, events);
        });
        if (decision.Bindings == null) return Reply(request, decision.Status, decision.Reason, tag);
        return Ok(request, tag, location.Lookup(aor));
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
