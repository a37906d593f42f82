using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Server.SipDirectory;

public static partial class SipProfileValidator
{
    public const int MaxHostLength = 253;

    private static void ValidateTrunk(
        SipProfileTrunk trunk,
        string where,
        string file,
        Dictionary<string, string> trunkNames,
        Dictionary<IPNetwork, string> sources,
        Dictionary<string, string> registrations,
        Dictionary<string, string> extensionNumbers,
        List<string> errors)
    {
        if (trunk.Name.Length is 0 or > MaxNameLength || trunk.Name.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            errors.Add($"{where}.Name '{trunk.Name}' must be 1 to {MaxNameLength} letters, digits, '.', '_' or '-'.");
        }
        else if (!trunkNames.TryAdd(trunk.Name, file))
        {
            errors.Add($"{where}.Name '{trunk.Name}' is already used by a trunk in {trunkNames[trunk.Name]}; trunk names are unique across profiles.");
        }

        if (!Countries.Contains(trunk.DefaultCountry))
        {
            errors.Add($"{where}.DefaultCountry '{trunk.DefaultCountry}' is not an ISO 3166 region code (e.g. \"BR\", \"US\").");
        }

        if (trunk.MaxChannels is < 1)
        {
            errors.Add($"{where}.MaxChannels {trunk.MaxChannels} must be at least 1; remove it for no limit.");
        }

        if (trunk.Inbound is null && trunk.Outbound is null)
        {
            errors.Add($"{where}: give an Inbound section, an Outbound section or both.");
        }

        if (trunk.Inbound is { } inbound)
        {
            ValidateTrunkInbound(inbound, $"{where}.Inbound", trunk.Name, sources, registrations, extensionNumbers, errors);
        }

        if (trunk.Outbound is { } outbound)
        {
            ValidateTrunkOutbound(outbound, $"{where}.Outbound", errors);
        }
    }

    private static void ValidateTrunkInbound(
        SipProfileTrunkInbound inbound,
        string where,
        string trunkName,
        Dictionary<IPNetwork, string> sources,
        Dictionary<string, string> registrations,
        Dictionary<string, string> extensionNumbers,
        List<string> errors)
    {
        if (inbound.Sources.Count == 0 && inbound.RegistersAs is null)
        {
            errors.Add($"{where}: give Sources (CIDRs), RegistersAs or both, or the trunk can never be recognized.");
        }

        for (var i = 0; i < inbound.Sources.Count; i++)
        {
            if (ParseCidr(inbound.Sources[i]) is var (network, problem) && problem is not null)
            {
                errors.Add($"{where}.Sources[{i}] {problem}");
            }
            else if (!sources.TryAdd(network, $"{where}.Sources[{i}]"))
            {
                errors.Add($"{where}.Sources[{i}] {network} is already the source of {sources[network]}; a source must identify one trunk.");
            }
        }

        if (inbound.RegistersAs is { } user)
        {
            if (user.Length is 0 or > MaxNumberLength || user.AsSpan().ContainsAnyExcept(NumberCharacters))
            {
                errors.Add($"{where}.RegistersAs '{user}' must be 1 to {MaxNumberLength} letters, digits, '.', '_', '-' or '+'.");
            }
            else if (extensionNumbers.ContainsKey(user))
            {
                errors.Add($"{where}.RegistersAs '{user}' is an extension number.");
            }
            else if (!registrations.TryAdd(user, trunkName))
            {
                errors.Add($"{where}.RegistersAs '{user}' is already used by trunk '{registrations[user]}'.");
            }
        }
    }

    private static void ValidateTrunkOutbound(SipProfileTrunkOutbound outbound, string where, List<string> errors)
    {
        if (outbound.Host.Length is 0 or > MaxHostLength || Uri.CheckHostName(outbound.Host) is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            errors.Add($"{where}.Host '{outbound.Host}' is not a host name or IP address.");
        }

        if (outbound.Port is < 1 or > IPEndPoint.MaxPort)
        {
            errors.Add($"{where}.Port {outbound.Port} is outside 1..{IPEndPoint.MaxPort}.");
        }

        if (outbound.Transport is not ("udp" or "tcp"))
        {
            errors.Add($"{where}.Transport '{outbound.Transport}' is not supported; use \"udp\" or \"tcp\".");
        }

        if (outbound.Username is { } username && (username.Length > MaxNumberLength || username.Any(c => char.IsControl(c) || c is '"' or '\\')))
        {
            errors.Add($"{where}.Username must be at most {MaxNumberLength} characters without control characters, '\"' or '\\'.");
        }

        // Never echo the password: the message names the problem only.
        if (outbound.Password is { } password && (password.Length > MaxPasswordLength || password.Any(char.IsControl)))
        {
            errors.Add($"{where}.Password must be 1 to {MaxPasswordLength} characters without control characters.");
        }

        if (outbound.Password is not null && outbound.Username is null)
        {
            errors.Add($"{where}.Password is set without a Username.");
        }

        if (outbound.Register && (outbound.Username is null || outbound.Password is null))
        {
            errors.Add($"{where}.Register needs a Username and a Password.");
        }

        if (outbound.RegisterExpires is < MinRegisterExpires or > MaxRegisterExpires)
        {
            errors.Add($"{where}.RegisterExpires {outbound.RegisterExpires} is outside {MinRegisterExpires}..{MaxRegisterExpires} seconds.");
        }

        if (outbound.FromUser is { } fromUser && (fromUser.Length > MaxNumberLength || fromUser.AsSpan().ContainsAnyExcept(NumberCharacters)))
        {
            errors.Add($"{where}.FromUser '{fromUser}' must be at most {MaxNumberLength} letters, digits, '.', '_', '-' or '+'.");
        }

        if (outbound.FromDomain is { } fromDomain && (fromDomain.Length > MaxHostLength || Uri.CheckHostName(fromDomain) is UriHostNameType.Unknown or UriHostNameType.Basic))
        {
            errors.Add($"{where}.FromDomain '{fromDomain}' is not a host name or IP address.");
        }

        if (outbound.CallerIdHeader is not ("from" or "pai"))
        {
            errors.Add($"{where}.CallerIdHeader '{outbound.CallerIdHeader}' is not supported; use \"from\" or \"pai\" (P-Asserted-Identity).");
        }

        if (outbound.CallerIdFormat is not ("e164" or "national"))
        {
            errors.Add($"{where}.CallerIdFormat '{outbound.CallerIdFormat}' is not supported; use \"e164\" or \"national\".");
        }

        if (outbound.CallerIdNumber is { } callerId && DidKey(callerId) is null)
        {
            errors.Add($"{where}.CallerIdNumber '{callerId}' must be E.164 ('+' and digits) or plain digits.");
        }
    }

    /// <summary>
    /// A CIDR (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>) or single address; host bits set are an error
    /// rather than silently masked, because they are usually a typo for another network.
    /// </summary>
    private static (IPNetwork Network, string? Problem) ParseCidr(string text)
    {
        var slash = text.IndexOf('/');
        var addressText = slash >= 0 ? text[..slash] : text;
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%') || !IsCanonicalForm(addressText, address) || address.IsIPv4MappedToIPv6)
        {
            return (default, $"'{text}' is not an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24, 2001:db8::/32).");
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            return (default, $"'{text}' has a prefix length that is not 0..{maxPrefix}.");
        }

        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(prefix - (i * 8), 0, 8)));
        }

        var network = new IPAddress(bytes);
        return network.Equals(address)
            ? (new IPNetwork(address, prefix), null)
            : (default, $"'{text}' has host bits set; the network is {network}/{prefix}.");
    }

    // IPAddress.TryParse also takes "10", "10.1" and hex parts (inet_aton forms); in a source list those are
    // almost always mistakes, so IPv4 must be written as four decimal parts.
    private static bool IsCanonicalForm(string text, IPAddress address) =>
        address.AddressFamily != AddressFamily.InterNetwork
        || (text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.'));
}
