using System.Collections.Frozen;
using System.Net;

namespace ContactCenter.Telephony.Routing;

public sealed partial class RoutingTable
{
    private RoutingTable(
        IReadOnlyList<Trunk> trunks,
        Dictionary<string, ProfileRoutes> profileByExtension,
        Dictionary<string, InboundTarget> didTargets,
        Dictionary<string, string> callerDidByExtension)
    {
        Trunks = trunks;
        _trunksByName = trunks.ToFrozenDictionary(trunk => trunk.Name, StringComparer.OrdinalIgnoreCase);
        _trunksByRegistration = trunks.Where(trunk => trunk.Config.RegistersAs is not null)
            .ToFrozenDictionary(trunk => trunk.Config.RegistersAs!, StringComparer.Ordinal);
        _sourcesLongestFirst = trunks.SelectMany(trunk => trunk.InboundSources.Select(network => (network, trunk)))
            .OrderByDescending(entry => entry.network.PrefixLength)
            .ToArray();
        _profileByExtension = profileByExtension.ToFrozenDictionary(StringComparer.Ordinal);
        _didTargets = didTargets.ToFrozenDictionary(StringComparer.Ordinal);
        _callerDidByExtension = callerDidByExtension.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Checks the whole configuration and builds the table; every inconsistency is listed in one
    /// <see cref="RoutingConfigurationException"/>.
    /// </summary>
    public static RoutingTable Create(RoutingConfiguration configuration)
    {
        var errors = new List<string>();
        var extensionOwner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in configuration.Profiles)
        {
            foreach (var extension in profile.Extensions)
            {
                if (!extensionOwner.TryAdd(extension, profile.Name))
                {
                    errors.Add($"{profile.Name}: extension '{extension}' is also defined in {extensionOwner[extension]}.");
                }
            }
        }

        var trunks = new List<Trunk>();
        var trunkNames = new Dictionary<string, Trunk>(StringComparer.OrdinalIgnoreCase);
        var registrations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sources = new Dictionary<IPNetwork, string>();
        var profileByExtension = new Dictionary<string, ProfileRoutes>(StringComparer.Ordinal);
        var didTargets = new Dictionary<string, InboundTarget>(StringComparer.Ordinal);
        var callerDidByExtension = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var profile in configuration.Profiles)
        {
            foreach (var config in profile.Trunks)
            {
                if (BuildTrunk(profile.Name, config, extensionOwner, registrations, sources, errors) is not { } trunk)
                {
                    continue;
                }

                if (trunkNames.TryAdd(trunk.Name, trunk))
                {
                    trunks.Add(trunk);
                }
                else
                {
                    errors.Add($"{profile.Name}: trunk name '{trunk.Name}' is also used in {trunkNames[trunk.Name].Profile}.");
                }
            }
        }

        foreach (var profile in configuration.Profiles)
        {
            var services = BuildServices(profile, extensionOwner, errors);
            AddDids(profile, services, extensionOwner, didTargets, callerDidByExtension, errors);
            var routes = new ProfileRoutes(profile.Name, BuildRules(profile, trunkNames, errors));
            foreach (var extension in profile.Extensions)
            {
                profileByExtension.TryAdd(extension, routes);
            }
        }

        if (errors.Count > 0)
        {
            throw new RoutingConfigurationException(errors);
        }

        return new RoutingTable(trunks, profileByExtension, didTargets, callerDidByExtension);
    }

    private static Trunk? BuildTrunk(
        string profile,
        TrunkConfig config,
        Dictionary<string, string> extensionOwner,
        Dictionary<string, string> registrations,
        Dictionary<IPNetwork, string> sources,
        List<string> errors)
    {
        var where = $"{profile}: trunk '{config.Name}'";
        var errorCount = errors.Count;
        if (string.IsNullOrWhiteSpace(config.Name))
        {
            errors.Add($"{profile}: a trunk has no name.");
        }

        if (!PhoneNumberNormalizer.IsSupportedCountry(config.DefaultCountry))
        {
            errors.Add($"{where}: DefaultCountry '{config.DefaultCountry}' is not an ISO 3166 region code libphonenumber knows (e.g. BR, US).");
        }

        var networks = new List<IPNetwork>();
        foreach (var source in config.InboundSources)
        {
            if (!CidrNotation.TryParse(source, out var network, out var error))
            {
                errors.Add($"{where}: inbound source {error}");
            }
            else if (!sources.TryAdd(network, config.Name))
            {
                errors.Add($"{where}: inbound source {network} is also a source of trunk '{sources[network]}'; a source must identify one trunk.");
            }
            else
            {
                networks.Add(network);
            }
        }

        if (config.RegistersAs is { } user)
        {
            if (extensionOwner.ContainsKey(user))
            {
                errors.Add($"{where}: RegistersAs '{user}' is an extension number.");
            }
            else if (!registrations.TryAdd(user, config.Name))
            {
                errors.Add($"{where}: RegistersAs '{user}' is also used by trunk '{registrations[user]}'.");
            }
        }

        if (config.Outbound is { } outbound)
        {
            if (string.IsNullOrWhiteSpace(outbound.Host))
            {
                errors.Add($"{where}: outbound Host is empty.");
            }

            if (outbound.Port is < 1 or > IPEndPoint.MaxPort)
            {
                errors.Add($"{where}: outbound Port {outbound.Port} is outside 1..{IPEndPoint.MaxPort}.");
            }

            if (outbound.Register && outbound.Username is null)
            {
                errors.Add($"{where}: Register needs a Username.");
            }
        }

        if (errors.Count != errorCount)
        {
            return null;
        }

        PhoneNumberNormalizer.LoadMetadata(config.DefaultCountry);
        return new Trunk(profile, config, networks);
    }

    private static Dictionary<string, ServiceConfig> BuildServices(RoutingProfileConfig profile, Dictionary<string, string> extensionOwner, List<string> errors)
    {
        var services = new Dictionary<string, ServiceConfig>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in profile.Services)
        {
            var where = $"{profile.Name}: service '{service.Name}'";
            if (!services.TryAdd(service.Name, service))
            {
                errors.Add($"{where} is defined twice.");
            }

            if (service.Extensions.Count == 0)
            {
                errors.Add($"{where} has no extension to ring.");
            }

            foreach (var extension in service.Extensions.Where(extension => !extensionOwner.ContainsKey(extension)))
            {
                errors.Add($"{where} rings '{extension}', which is not an extension.");
            }

            if (service.RingTimeout <= TimeSpan.Zero)
            {
                errors.Add($"{where} has a ring timeout that is not positive.");
            }
        }

        return services;
    }

    private static void AddDids(
        RoutingProfileConfig profile,
        Dictionary<string, ServiceConfig> services,
        Dictionary<string, string> extensionOwner,
        Dictionary<string, InboundTarget> didTargets,
        Dictionary<string, string> callerDidByExtension,
        List<string> errors)
    {
        foreach (var did in profile.Dids)
        {
            var where = $"{profile.Name}: DID '{did.Number}'";
            if (DidKey(did.Number) is not { } key)
            {
                errors.Add($"{where} is neither E.164 (+ and digits) nor plain digits.");
                continue;
            }

            if (extensionOwner.ContainsKey(key))
            {
                errors.Add($"{where} is also an extension number.");
                continue;
            }

            InboundTarget? target = null;
            if (did.Extension is not null == did.Service is not null)
            {
                errors.Add($"{where} must name exactly one of Extension and Service.");
            }
            else if (did.Extension is { } extension)
            {
                if (extensionOwner.ContainsKey(extension))
                {
                    target = new InboundToExtension(extension, key);
                    if (key.StartsWith('+'))
                    {
                        // A short literal DID is meaningless outside the provider, so never present it.
                        callerDidByExtension.TryAdd(extension, key);
                    }
                }
                else
                {
                    errors.Add($"{where} routes to '{extension}', which is not an extension.");
                }
            }
            else if (services.TryGetValue(did.Service!, out var service))
            {
                target = new InboundToService(service, key);
            }
            else
            {
                errors.Add($"{where} routes to service '{did.Service}', which profile {profile.Name} does not define.");
            }

            if (target is not null && !didTargets.TryAdd(key, target))
            {
                errors.Add($"{where} is defined twice (as {key}); a DID must be unique across all profiles.");
            }
        }
    }

    /// <summary>The lookup key of a configured DID: its E.164 form when written with '+', else its digits.</summary>
    private static string? DidKey(string number)
    {
        var cleaned = PhoneNumberNormalizer.CleanDialString(number);
        if (cleaned.StartsWith('+'))
        {
            return PhoneNumberNormalizer.TryToE164(cleaned, "ZZ", out var e164) ? e164 : null;
        }

        return cleaned.Length is > 0 and <= 32 && !cleaned.AsSpan().ContainsAnyExceptInRange('0', '9') ? cleaned : null;
    }

    private static CompiledRule[] BuildRules(RoutingProfileConfig profile, Dictionary<string, Trunk> trunks, List<string> errors)
    {
        var rules = new List<CompiledRule>(profile.DialPlan.Count);
        for (var i = 0; i < profile.DialPlan.Count; i++)
        {
            var rule = profile.DialPlan[i];
            var where = $"{profile.Name}: DialPlan[{i}]";
            var valid = true;
            if (!DialPattern.TryCompile(rule.Match, out var regex, out var error))
            {
                errors.Add($"{where}.Match {error}");
                valid = false;
            }

            if (rule.Strip is < 0 or > PhoneNumberNormalizer.MaxLength)
            {
                errors.Add($"{where}.Strip {rule.Strip} is outside 0..{PhoneNumberNormalizer.MaxLength}.");
                valid = false;
            }

            if (rule.Prepend.Length > 32 || rule.Prepend.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '*' or '#')))
            {
                errors.Add($"{where}.Prepend '{rule.Prepend}' must be at most 32 digits, '+', '*' or '#'.");
                valid = false;
            }

            if (!trunks.TryGetValue(rule.Trunk, out var trunk) || !string.Equals(trunk.Profile, profile.Name, StringComparison.Ordinal))
            {
                errors.Add($"{where}.Trunk '{rule.Trunk}' is not a trunk of profile {profile.Name}.");
                valid = false;
            }
            else if (trunk.Outbound is null)
            {
                errors.Add($"{where}.Trunk '{rule.Trunk}' has no Outbound section, so calls cannot leave through it.");
                valid = false;
            }

            if (valid)
            {
                rules.Add(new CompiledRule(regex!, rule.Strip, rule.Prepend, trunk!, rule.Emergency));
            }
        }

        return rules.ToArray();
    }
}
