using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;

namespace ContactCenter.Server.SipDirectory;

public static partial class SipProfileValidator
{
    public const int MaxPatternLength = 256;
    public const int MaxStrip = 64;
    public const int MaxPrependLength = 32;
    public const int MaxRingTimeoutSeconds = 600;
    public const int MinRegisterExpires = 60;
    public const int MaxRegisterExpires = 86_400;

    private static readonly SearchValues<char> PrependCharacters = SearchValues.Create("0123456789+*#");

    // The regions libphonenumber-csharp 9.0.43 has metadata for (ISO 3166 plus AC, TA, XK); the call
    // engine normalizes numbers with it, so a region it does not know must stop the start here.
    private static readonly HashSet<string> Countries = new(
        """
        AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM
        FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
        JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN
        MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT
        PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TG TH TJ TK
        TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
        """.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static void ValidateRouting(IReadOnlyList<SipProfile> profiles, Dictionary<string, string> extensionNumbers, List<string> errors)
    {
        var trunkNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sources = new Dictionary<IPNetwork, string>();
        var registrations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var dids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var file = Path.GetFileName(profile.SourceFile);
            for (var i = 0; i < profile.Trunks.Count; i++)
            {
                ValidateTrunk(profile.Trunks[i], $"{file}: Trunks[{i}]", file, trunkNames, sources, registrations, extensionNumbers, errors);
            }

            ValidateServices(profile, file, extensionNumbers, errors);
            ValidateDids(profile, file, dids, extensionNumbers, errors);
            ValidateDialPlan(profile, file, errors);
        }
    }

    private static void ValidateServices(SipProfile profile, string file, Dictionary<string, string> extensionNumbers, List<string> errors)
    {
        foreach (var (name, service) in profile.Services)
        {
            var where = $"{file}: Services.{name}";
            if (name.Length > MaxNameLength || name.AsSpan().ContainsAnyExcept(NameCharacters))
            {
                errors.Add($"{where}: the service name must be 1 to {MaxNameLength} letters, digits, '.', '_' or '-'.");
            }

            if (service.Extensions.Count == 0)
            {
                errors.Add($"{where}.Extensions is empty; list the extensions the service rings.");
            }

            foreach (var extension in service.Extensions.Where(extension => !extensionNumbers.ContainsKey(extension)))
            {
                errors.Add($"{where}.Extensions: '{extension}' is not an extension of any profile.");
            }

            if (service.Strategy is not ("all" or "sequential"))
            {
                errors.Add($"{where}.Strategy '{service.Strategy}' is not supported; use \"all\" or \"sequential\".");
            }

            if (service.RingTimeoutSeconds is < 1 or > MaxRingTimeoutSeconds)
            {
                errors.Add($"{where}.RingTimeoutSeconds {service.RingTimeoutSeconds} is outside 1..{MaxRingTimeoutSeconds}.");
            }
        }
    }

    private static void ValidateDids(SipProfile profile, string file, Dictionary<string, string> dids, Dictionary<string, string> extensionNumbers, List<string> errors)
    {
        foreach (var (number, did) in profile.Dids)
        {
            var where = $"{file}: Dids.{number}";
            var key = DidKey(number);
            if (key is null)
            {
                errors.Add($"{where}: the DID must be E.164 ('+' then 2 to 15 digits, not starting with 0; spaces, '-', '(', ')' allowed) or plain digits matched literally.");
            }
            else if (extensionNumbers.ContainsKey(key))
            {
                errors.Add($"{where}: the DID is also an extension number; one of them must change.");
            }
            else if (!dids.TryAdd(key, where))
            {
                errors.Add($"{where}: the DID {key} is already defined by {dids[key]}; a DID must be unique across all profiles.");
            }

            if (did.Extension is null == did.Service is null)
            {
                errors.Add($"{where}: give exactly one of Extension and Service.");
            }
            else if (did.Extension is { } extension && !extensionNumbers.ContainsKey(extension))
            {
                errors.Add($"{where}.Extension '{extension}' is not an extension of any profile.");
            }
            else if (did.Service is { } service && !profile.Services.Keys.Contains(service, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{where}.Service '{service}' is not a service of this profile.");
            }
        }
    }

    /// <summary>The DID without visual separators when it is E.164 or plain digits; null otherwise.</summary>
    private static string? DidKey(string number)
    {
        var key = new string(number.Where(c => c is not (' ' or '-' or '.' or '(' or ')')).ToArray());
        var digits = key.StartsWith('+') ? key.AsSpan(1) : key.AsSpan();
        if (digits.Length == 0 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        return key.StartsWith('+') ? (digits.Length is >= 2 and <= 15 && digits[0] != '0' ? key : null) : (digits.Length <= 32 ? key : null);
    }

    private static void ValidateDialPlan(SipProfile profile, string file, List<string> errors)
    {
        for (var i = 0; i < profile.DialPlan.Count; i++)
        {
            var rule = profile.DialPlan[i];
            var where = $"{file}: DialPlan[{i}]";
            if (CheckPattern(rule.Match) is { } problem)
            {
                errors.Add($"{where}.Match {problem}");
            }

            if (rule.Strip is < 0 or > MaxStrip)
            {
                errors.Add($"{where}.Strip {rule.Strip} is outside 0..{MaxStrip}.");
            }

            if (rule.Prepend.Length > MaxPrependLength || rule.Prepend.AsSpan().ContainsAnyExcept(PrependCharacters))
            {
                errors.Add($"{where}.Prepend '{rule.Prepend}' must be at most {MaxPrependLength} digits, '+', '*' or '#'.");
            }

            var trunk = profile.Trunks.FirstOrDefault(trunk => string.Equals(trunk.Name, rule.Trunk, StringComparison.OrdinalIgnoreCase));
            if (trunk is null)
            {
                errors.Add($"{where}.Trunk '{rule.Trunk}' is not a trunk of this profile.");
            }
            else if (trunk.Outbound is null)
            {
                errors.Add($"{where}.Trunk '{rule.Trunk}' has no Outbound section, so calls cannot leave through it.");
            }
        }
    }

    /// <summary>
    /// Null when the pattern compiles with the non-backtracking engine the router uses (linear matching
    /// time, so no pattern can hang a call); otherwise why not.
    /// </summary>
    private static string? CheckPattern(string pattern)
    {
        if (pattern.Length is 0 or > MaxPatternLength)
        {
            return $"must be a regular expression of 1 to {MaxPatternLength} characters.";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"'{pattern}' is not a valid regular expression: {exception.Message}";
        }
        catch (NotSupportedException exception)
        {
            return $"'{pattern}' uses a construct the non-backtracking engine does not support (backreferences, lookarounds, atomic groups) or is too large: {exception.Message}";
        }
    }
}
