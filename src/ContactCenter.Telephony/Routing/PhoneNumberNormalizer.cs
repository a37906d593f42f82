using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace ContactCenter.Telephony.Routing;

/// <summary>
/// E.164 normalization with libphonenumber. Rules, in order:
/// <list type="number">
/// <item>A SIP user part is cut at the first <c>;</c> (user parameters such as <c>;npdi</c>) and the visual
/// separators space, <c>-</c>, <c>.</c>, <c>(</c>, <c>)</c> and <c>/</c> are removed (<see cref="CleanDialString"/>).</item>
/// <item>What remains must be an optional leading <c>+</c> and 2 to 17 digits; anything else (letters,
/// <c>*</c>, <c>#</c>) is not a phone number and is not normalized.</item>
/// <item>With <c>+</c> the country code is explicit; without it the number is read as dialled in the
/// default country: its national prefix and carrier codes (Brazil's <c>0</c> + operator, e.g. <c>0 15 11 …</c>)
/// and international prefix (<c>00</c>, <c>011</c>) are understood.</item>
/// <item>The result must be a possible number for its country (right length); short codes and emergency
/// numbers are not, so they stay as dialled.</item>
/// </list>
/// </summary>
public static class PhoneNumberNormalizer
{
    /// <summary>Longest dialled string or caller user considered; longer input is rejected, never parsed.</summary>
    public const int MaxLength = 64;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // GetSupportedRegions builds a new set on every call; the regions never change.
    private static readonly System.Collections.Frozen.FrozenSet<string> SupportedRegions =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(Util.GetSupportedRegions(), StringComparer.Ordinal);

    // libphonenumber's parse and format cost microseconds per number, and the same numbers come back call after call
    // (DIDs, regular callers): remember the answers, bounded (cleared when full, never an unbounded map).
    private const int E164CacheLimit = 16384;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Raw, string Country), string?> E164Cache = new();

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" -.()/\t");

    private static readonly string[] AnonymousUsers = ["anonymous", "unknown", "restricted", "private", "unavailable", "withheld"];

    /// <summary>The user part without parameters and visual separators; empty when nothing is left.</summary>
    public static string CleanDialString(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var span = raw.AsSpan();
        var parameters = span.IndexOf(';');
        if (parameters >= 0)
        {
            span = span[..parameters];
        }

        if (span.IndexOfAny(Separators) < 0)
        {
            return span.Length == raw.Length ? raw : span.ToString(); // nothing to remove: no copy at all
        }

        Span<char> cleaned = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (!Separators.Contains(c))
            {
                cleaned[length++] = c;
            }
        }

        return cleaned[..length].ToString();
    }

    /// <summary>True when libphonenumber knows the ISO 3166 region code (upper-case, e.g. <c>BR</c>).</summary>
    public static bool IsSupportedCountry(string? region) =>
        region is { Length: 2 } && SupportedRegions.Contains(region);

    /// <summary>The number in E.164 (<c>+551140001234</c>) following the rules of this class.</summary>
    public static bool TryToE164(string? raw, string defaultCountry, [NotNullWhen(true)] out string? e164)
    {
        if (raw is null || raw.Length > MaxLength || defaultCountry is null)
        {
            return (e164 = Convert(raw, defaultCountry!)) is not null;
        }

        var key = (raw, defaultCountry);
        if (!E164Cache.TryGetValue(key, out e164))
        {
            e164 = Convert(raw, defaultCountry);
            if (E164Cache.Count >= E164CacheLimit)
            {
                E164Cache.Clear();
            }

            E164Cache[key] = e164;
        }

        return e164 is not null;

        static string? Convert(string? raw, string defaultCountry) =>
            TryParse(raw, defaultCountry, out var number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
    }

    /// <summary>
    /// A number to present towards a provider: E.164, or the national significant number (no national
    /// prefix). A number that cannot be normalized is returned cleaned but otherwise unchanged.
    /// </summary>
    public static string FormatCallerId(string number, CallerIdFormat format, string defaultCountry)
    {
        if (!TryParse(number, defaultCountry, out var parsed))
        {
            return CleanDialString(number);
        }

        return format == CallerIdFormat.National
            ? Util.GetNationalSignificantNumber(parsed)
            : Util.Format(parsed, PhoneNumberFormat.E164);
    }

    /// <summary>A caller user part received from a trunk, normalized for display and CDRs.</summary>
    public static CallerNumber NormalizeCaller(string? user, string defaultCountry)
    {
        var raw = user ?? string.Empty;
        if (raw.Length > MaxLength)
        {
            raw = raw[..MaxLength];
        }

        var cleaned = CleanDialString(raw);
        if (cleaned.Length == 0 || AnonymousUsers.Contains(cleaned, StringComparer.OrdinalIgnoreCase))
        {
            return new CallerNumber(raw, null, IsAnonymous: true);
        }

        return new CallerNumber(raw, TryToE164(cleaned, defaultCountry, out var e164) ? e164 : null, IsAnonymous: false);
    }

    /// <summary>True when <paramref name="dialled"/> is an emergency number in <paramref name="region"/> (libphonenumber's short-number data).</summary>
    public static bool IsEmergencyNumber(string dialled, string region)
    {
        var cleaned = CleanDialString(dialled);
        return cleaned.Length is > 0 and <= 8 && IsSupportedCountry(region) && ShortNumberInfo.GetInstance().IsEmergencyNumber(cleaned, region);
    }

    /// <summary>
    /// Loads a region's metadata now: libphonenumber reads it lazily and the first parse of a region is
    /// slow, which should happen while the server starts, not in a call's setup.
    /// </summary>
    internal static void LoadMetadata(string region)
    {
        if (IsSupportedCountry(region))
        {
            _ = Util.GetMetadataForRegion(region);
            _ = ShortNumberInfo.GetInstance().IsEmergencyNumber("112", region);
        }
    }

    private static bool TryParse(string? raw, string defaultCountry, [NotNullWhen(true)] out PhoneNumber? number)
    {
        number = null;
        if (raw is null || raw.Length > MaxLength)
        {
            return false;
        }

        var cleaned = CleanDialString(raw);
        var digits = cleaned.StartsWith('+') ? cleaned.AsSpan(1) : cleaned.AsSpan();
        if (digits.Length is < 2 or > 17 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        try
        {
            number = Util.Parse(cleaned, IsSupportedCountry(defaultCountry) ? defaultCountry : "ZZ");
        }
        catch (NumberParseException)
        {
            return false;
        }

        return Util.IsPossibleNumber(number);
    }
}
