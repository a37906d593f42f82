using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;

namespace ContactCenter.Telephony.Routing;

/// <summary>
/// The routing decisions of SIP-03, pure and immutable: which trunk a request comes from, where a DID
/// goes, and how a number dialled by an extension leaves. Built once from <see cref="RoutingConfiguration"/>
/// with <see cref="Create"/>; safe to share between any number of calls without locking.
/// </summary>
public sealed partial class RoutingTable
{
    private readonly FrozenDictionary<string, ProfileRoutes> _profileByExtension;
    private readonly FrozenDictionary<string, Trunk> _trunksByName;
    private readonly FrozenDictionary<string, Trunk> _trunksByRegistration;
    private readonly (IPNetwork Network, Trunk Trunk)[] _sourcesLongestFirst;
    private readonly FrozenDictionary<string, InboundTarget> _didTargets;
    private readonly FrozenDictionary<string, string> _callerDidByExtension;

    /// <summary>All trunks, in configuration order.</summary>
    public IReadOnlyList<Trunk> Trunks { get; }

    public bool IsExtension(string number) => _profileByExtension.ContainsKey(number);

    public bool TryGetTrunk(string name, [MaybeNullWhen(false)] out Trunk trunk) => _trunksByName.TryGetValue(name, out trunk);

    /// <summary>
    /// The trunk whose inbound sources contain <paramref name="source"/>, the longest prefix winning when
    /// several do; null when none (the call engine answers 403). IPv4-mapped IPv6 addresses from dual-mode
    /// sockets are matched as IPv4.
    /// </summary>
    public Trunk? IdentifyTrunk(IPAddress source)
    {
        var address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        foreach (var (network, trunk) in _sourcesLongestFirst)
        {
            if (network.Contains(address))
            {
                return trunk;
            }
        }

        return null;
    }

    /// <summary>
    /// The trunk that registers to us as <paramref name="user"/>. The caller checks that the request really
    /// comes from a contact of that registration.
    /// </summary>
    public Trunk? IdentifyTrunkByRegistration(string user) =>
        _trunksByRegistration.TryGetValue(user, out var trunk) ? trunk : null;

    /// <summary>
    /// Where a call from <paramref name="trunk"/> to <paramref name="dialled"/> (Request-URI or To user)
    /// goes. The dialled string is first looked up as written (after <see cref="PhoneNumberNormalizer.CleanDialString"/>),
    /// then in E.164 read with the trunk's default country, so <c>011 4000-1234</c>, <c>+55 11 4000 1234</c>
    /// and <c>1140001234</c> all reach DID <c>+551140001234</c> on a <c>BR</c> trunk.
    /// </summary>
    public InboundTarget RouteInbound(Trunk trunk, string dialled)
    {
        var cleaned = CleanDid(dialled);
        if (cleaned.Length == 0)
        {
            return new InboundNotFound(dialled);
        }

        if (_didTargets.TryGetValue(cleaned, out var target))
        {
            return target;
        }

        return PhoneNumberNormalizer.TryToE164(cleaned, trunk.DefaultCountry, out var e164) && _didTargets.TryGetValue(e164, out target)
            ? target
            : new InboundNotFound(dialled);
    }

    /// <summary>A dialled DID as looked up (parameters and separators removed); empty when empty or over-long.</summary>
    public static string CleanDid(string dialled) =>
        dialled.Length <= PhoneNumberNormalizer.MaxLength ? PhoneNumberNormalizer.CleanDialString(dialled) : string.Empty;

    /// <summary>
    /// Where a call from extension <paramref name="callingExtension"/> to <paramref name="dialled"/> goes:
    /// an extension when the dialled string is one; otherwise the first rule of the caller's profile dial
    /// plan that matches the whole cleaned string, with strip and prepend applied; otherwise no route.
    /// </summary>
    public OutboundRoute RouteOutbound(string callingExtension, string dialled)
    {
        if (!_profileByExtension.TryGetValue(callingExtension, out var profile))
        {
            return new OutboundNoRoute(NoRouteReason.UnknownCaller, $"'{callingExtension}' is not an extension, so it has no dial plan.");
        }

        if (_profileByExtension.ContainsKey(dialled))
        {
            return new OutboundToExtension(dialled);
        }

        var cleaned = dialled.Length <= PhoneNumberNormalizer.MaxLength ? PhoneNumberNormalizer.CleanDialString(dialled) : string.Empty;
        if (cleaned.Length == 0 || cleaned.Any(char.IsControl))
        {
            return new OutboundNoRoute(NoRouteReason.InvalidNumber, "the dialled number is empty, longer than 64 characters or holds control characters.");
        }

        if (_profileByExtension.ContainsKey(cleaned))
        {
            return new OutboundToExtension(cleaned);
        }

        for (var i = 0; i < profile.Rules.Length; i++)
        {
            var rule = profile.Rules[i];
            if (rule.Strip > cleaned.Length || !DialPattern.IsMatch(rule.Pattern, cleaned))
            {
                continue;
            }

            var number = rule.Prepend + cleaned[rule.Strip..];
            if (number.Length == 0)
            {
                continue;
            }

            return new OutboundToTrunk(rule.Trunk, number, CallerIdentityFor(callingExtension, rule.Trunk), rule.Emergency, i);
        }

        return new OutboundNoRoute(NoRouteReason.NoMatchingRule, $"no dial-plan rule of profile '{profile.Name}' matches '{cleaned}'.");
    }

    /// <summary>A caller number received on <paramref name="trunk"/>, normalized with its default country.</summary>
    public static CallerNumber NormalizeCaller(Trunk trunk, string? user) => PhoneNumberNormalizer.NormalizeCaller(user, trunk.DefaultCountry);

    /// <summary>
    /// The caller ID for an extension calling out: the first E.164 DID that routes to that extension when
    /// there is one (so a direct-dial agent is called back directly), otherwise the trunk's <c>CallerIdNumber</c>.
    /// </summary>
    private CallerIdentity CallerIdentityFor(string extension, Trunk trunk)
    {
        var outbound = trunk.Outbound!;
        var number = _callerDidByExtension.GetValueOrDefault(extension) ?? outbound.CallerIdNumber;
        var presented = number is null ? null : PhoneNumberNormalizer.FormatCallerId(number, outbound.CallerIdFormat, trunk.DefaultCountry);
        var account = outbound.FromUser ?? outbound.Username;
        var domain = outbound.FromDomain ?? outbound.Host;
        return outbound.CallerIdHeader == CallerIdHeader.PAssertedIdentity
            ? new CallerIdentity(account ?? presented ?? "anonymous", domain, presented, presented)
            : new CallerIdentity(presented ?? account ?? "anonymous", domain, null, presented);
    }

    private sealed record ProfileRoutes(string Name, CompiledRule[] Rules);

    private sealed record CompiledRule(Regex Pattern, int Strip, string Prepend, Trunk Trunk, bool Emergency);
}
