using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// A Session-Expires value (RFC 4028 §4): <c>delta-seconds *(;se-params)</c> with the optional
/// <c>refresher=uac|uas</c>. Also reads Min-SE (§5), which is delta-seconds with generic parameters.
/// </summary>
public readonly record struct SessionExpires(int DeltaSeconds, SessionRefresher Refresher)
{
    /// <summary>Values above this are refused as malformed: a day is far past any sensible session interval.</summary>
    public const int MaxDeltaSeconds = 86_400;

    public TimeSpan Interval => TimeSpan.FromSeconds(DeltaSeconds);

    /// <summary>Parses a value; false for a missing or non-numeric interval, a value of zero or above a day, or a bad refresher.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out SessionExpires sessionExpires)
    {
        sessionExpires = default;
        if (!TryParseDelta(value, out int delta, out var parameters) || delta == 0) return false;
        var refresher = SessionRefresher.Unspecified;
        var reader = new SipParameterReader(parameters);
        foreach (var p in reader)
        {
            if (!Ascii.EqualsIgnoreCase(p.Name, "refresher"u8)) continue;
            if (Ascii.EqualsIgnoreCase(p.Value, "uac"u8)) refresher = SessionRefresher.Uac;
            else if (Ascii.EqualsIgnoreCase(p.Value, "uas"u8)) refresher = SessionRefresher.Uas;
            else return false;
        }
        if (!SipParameterReader.IsWellFormed(parameters)) return false;
        sessionExpires = new SessionExpires(delta, refresher);
        return true;
    }

    /// <summary>The Session-Expires header of a message: null when absent, false when present but malformed.</summary>
    public static bool TryRead(SipMessage message, out SessionExpires? sessionExpires)
    {
        ArgumentNullException.ThrowIfNull(message);
        sessionExpires = null;
        if (!message.TryGetHeader(HeaderId.SessionExpires, out var value)) return true;
        if (!TryParse(value.Span, out var parsed)) return false;
        sessionExpires = parsed;
        return true;
    }

    /// <summary>The Min-SE header of a message: null when absent, false when present but malformed.</summary>
    public static bool TryReadMinSE(SipMessage message, out int? minSE)
    {
        ArgumentNullException.ThrowIfNull(message);
        minSE = null;
        if (!message.TryGetHeader(HeaderId.MinSE, out var value)) return true;
        if (!TryParseDelta(value.Span, out int delta, out var parameters) || !SipParameterReader.IsWellFormed(parameters)) return false;
        minSE = delta;
        return true;
    }

    /// <summary>The header value as written: <c>1800;refresher=uac</c>, or just the number when unspecified.</summary>
    public override string ToString() => Refresher switch
    {
        SessionRefresher.Uac => $"{DeltaSeconds};refresher=uac",
        SessionRefresher.Uas => $"{DeltaSeconds};refresher=uas",
        _ => DeltaSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static bool TryParseDelta(ReadOnlySpan<byte> value, out int delta, out ReadOnlySpan<byte> parameters)
    {
        delta = 0;
        value = SipSyntax.Trim(value);
        int semi = value.IndexOf((byte)';');
        var digits = SipSyntax.Trim(semi < 0 ? value : value[..semi]);
        parameters = semi < 0 ? default : value[semi..];
        if (!SipSyntax.TryParseUInt(digits, MaxDeltaSeconds, out ulong parsed)) return false;
        delta = (int)parsed;
        return true;
    }
}
