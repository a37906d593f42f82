namespace ContactCenter.Server.SipDirectory;

public static partial class SipProfileLoader
{
    /// <summary>Trims names and brings keywords to one case so the validator and the router compare plainly.</summary>
    private static void NormalizeRouting(SipProfile profile)
    {
        foreach (var trunk in profile.Trunks)
        {
            trunk.Name = trunk.Name?.Trim() ?? string.Empty;
            trunk.DefaultCountry = trunk.DefaultCountry?.Trim().ToUpperInvariant() ?? string.Empty;
            if (trunk.Inbound is { } inbound)
            {
                inbound.Sources = inbound.Sources.Select(source => source?.Trim() ?? string.Empty).ToList();
                inbound.RegistersAs = NullIfEmpty(inbound.RegistersAs);
            }

            if (trunk.Outbound is { } outbound)
            {
                outbound.Host = outbound.Host?.Trim() ?? string.Empty;
                outbound.Transport = outbound.Transport?.Trim().ToLowerInvariant() ?? string.Empty;
                outbound.Username = NullIfEmpty(outbound.Username);
                outbound.Password = string.IsNullOrEmpty(outbound.Password) ? null : outbound.Password;
                outbound.FromUser = NullIfEmpty(outbound.FromUser);
                outbound.FromDomain = NullIfEmpty(outbound.FromDomain);
                outbound.CallerIdHeader = outbound.CallerIdHeader?.Trim().ToLowerInvariant() ?? string.Empty;
                outbound.CallerIdFormat = outbound.CallerIdFormat?.Trim().ToLowerInvariant() ?? string.Empty;
                outbound.CallerIdNumber = NullIfEmpty(outbound.CallerIdNumber);
            }
        }

        foreach (var did in profile.Dids.Values)
        {
            did.Extension = NullIfEmpty(did.Extension);
            did.Service = NullIfEmpty(did.Service);
        }

        foreach (var service in profile.Services.Values)
        {
            service.Strategy = service.Strategy?.Trim().ToLowerInvariant() ?? string.Empty;
            service.Extensions = service.Extensions.Select(extension => extension?.Trim() ?? string.Empty).ToList();
        }

        foreach (var rule in profile.DialPlan)
        {
            rule.Match ??= string.Empty;
            rule.Prepend = rule.Prepend?.Trim() ?? string.Empty;
            rule.Trunk = rule.Trunk?.Trim() ?? string.Empty;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
