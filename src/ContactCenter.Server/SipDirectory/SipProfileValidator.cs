using System.Buffers;
using System.Net;

namespace ContactCenter.Server.SipDirectory;

/// <summary>Checks a bound set of profiles; every problem becomes one message naming its file.</summary>
public static partial class SipProfileValidator
{
    public const int MaxNumberLength = 64;
    public const int MaxNameLength = 64;
    public const int MaxRealmLength = 128;
    public const int MaxDisplayNameLength = 128;
    public const int MaxPasswordLength = 256;

    // Numbers are digest user names and SIP URI user parts: keep to characters that need no escaping
    // anywhere and cannot be confused with the ':' separators of the digest HA1 input.
    private static readonly SearchValues<char> NumberCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-+");

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-");

    public static void Validate(IReadOnlyList<SipProfile> profiles, List<string> errors)
    {
        var profileNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var listeners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var numbers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var profile in profiles)
        {
            var file = Path.GetFileName(profile.SourceFile);
            ValidateIdentity(profile, file, profileNames, errors);
            ValidateListen(profile, file, listeners, errors);
            ValidateExtensions(profile, file, numbers, errors);
        }

        // Second pass: DIDs, services and trunks refer to extensions of any profile.
        ValidateRouting(profiles, numbers, errors);
    }

    private static void ValidateIdentity(SipProfile profile, string file, Dictionary<string, string> profileNames, List<string> errors)
    {
        var name = profile.Name ?? string.Empty;
        if (name.Length is 0 or > MaxNameLength || name.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            errors.Add($"{file}: Name '{name}' must be 1 to {MaxNameLength} letters, digits, '.', '_' or '-'.");
        }
        else if (!profileNames.TryAdd(name, file))
        {
            errors.Add($"{file}: Name '{name}' is already used by {profileNames[name]}.");
        }

        var realm = profile.Realm ?? string.Empty;
        if (realm.Length is 0 or > MaxRealmLength || realm.Any(c => char.IsControl(c) || c is '"' or '\\' || c > '\u007e'))
        {
            errors.Add($"{file}: Realm '{realm}' must be 1 to {MaxRealmLength} printable ASCII characters without '\"' or '\\'.");
        }
    }

    private static void ValidateListen(SipProfile profile, string file, Dictionary<string, string> listeners, List<string> errors)
    {
        if (profile.Listen.Count == 0)
        {
            errors.Add($"{file}: Listen is empty; give at least one {{ \"Transport\": \"udp\", \"Address\": \"0.0.0.0\", \"Port\": 5060 }}.");
        }

        for (var i = 0; i < profile.Listen.Count; i++)
        {
            var endpoint = profile.Listen[i];
            var where = $"{file}: Listen[{i}]";
            var valid = true;
            if (endpoint.Transport is not ("udp" or "tcp"))
            {
                errors.Add($"{where}.Transport '{endpoint.Transport}' is not supported; use \"udp\" or \"tcp\".");
                valid = false;
            }

            if (!IPAddress.TryParse(endpoint.Address, out var address))
            {
                errors.Add($"{where}.Address '{endpoint.Address}' is not an IPv4 or IPv6 address (use 0.0.0.0 or :: for all interfaces).");
                valid = false;
            }

            if (endpoint.Port is < 0 or > IPEndPoint.MaxPort)
            {
                errors.Add($"{where}.Port {endpoint.Port} is outside 0..{IPEndPoint.MaxPort}.");
                valid = false;
            }

            // Port 0 means "any free port", so two of them never collide.
            if (valid && endpoint.Port != 0)
            {
                var key = $"{endpoint.Transport}/{address}/{endpoint.Port}";
                if (!listeners.TryAdd(key, $"{file}: Listen[{i}]"))
                {
                    errors.Add($"{where} ({endpoint}) is already used by {listeners[key]}.");
                }
            }
        }
    }

    private static void ValidateExtensions(SipProfile profile, string file, Dictionary<string, string> numbers, List<string> errors)
    {
        for (var i = 0; i < profile.Extensions.Count; i++)
        {
            var extension = profile.Extensions[i];
            var where = $"{file}: Extensions[{i}]";
            var number = extension.Number;
            if (number.Length is 0 or > MaxNumberLength || number.AsSpan().ContainsAnyExcept(NumberCharacters))
            {
                errors.Add($"{where}.Number '{number}' must be 1 to {MaxNumberLength} letters, digits, '.', '_', '-' or '+'.");
            }
            else if (!numbers.TryAdd(number, $"{file}: Extensions[{i}]"))
            {
                errors.Add($"{where}.Number '{number}' is defined twice (also {numbers[number]}); numbers must be unique across all profiles.");
            }

            if (extension.DisplayName is { } displayName && (displayName.Length > MaxDisplayNameLength || displayName.Any(char.IsControl)))
            {
                errors.Add($"{where}.DisplayName must be at most {MaxDisplayNameLength} characters without control characters.");
            }

            if (extension.Password is { } password
                && (string.IsNullOrWhiteSpace(password) || password.Length > MaxPasswordLength || password.Any(char.IsControl)))
            {
                errors.Add($"{where}.Password must be 1 to {MaxPasswordLength} characters without control characters; remove the key to have a random password generated.");
            }
        }
    }
}
