namespace ContactCenter.Telephony.Calls;

/// <summary>The dialog a Replaces header (RFC 3891) or a Refer-To's embedded Replaces names.</summary>
internal readonly record struct ReplacesTarget(string CallId, string ToTag, string FromTag)
{
    /// <summary>Parses "call-id;to-tag=a;from-tag=b[;early-only]" (already URL-decoded).</summary>
    public static bool TryParse(string value, out ReplacesTarget target)
    {
        target = default;
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || parts[0].Length == 0) return false;
        string? to = null, from = null;
        foreach (var part in parts.AsSpan(1))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var name = part[..eq];
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase)) to = part[(eq + 1)..];
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase)) from = part[(eq + 1)..];
        }
        if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(from)) return false;
        target = new ReplacesTarget(parts[0], to, from);
        return true;
    }

    /// <summary>The Replaces carried as a header of a Refer-To URI: <c>&lt;sip:c@h?Replaces=id%3Bto-tag%3Da%3Bfrom-tag%3Db&gt;</c>.</summary>
    public static bool TryFromReferTo(string referTo, out ReplacesTarget target)
    {
        target = default;
        int start = referTo.IndexOf("Replaces=", StringComparison.OrdinalIgnoreCase);
        if (start < 0) return false;
        start += "Replaces=".Length;
        int end = referTo.IndexOfAny(['&', '>'], start);
        var encoded = end < 0 ? referTo[start..] : referTo[start..end];
        // Uri.UnescapeDataString, not UrlDecode: '+' is a literal in a SIP URI (and in Call-IDs), not a space.
        return TryParse(Uri.UnescapeDataString(encoded), out target);
    }
}
