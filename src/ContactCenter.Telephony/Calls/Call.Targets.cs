using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Calls;

/// <summary>Turning a routing decision into ring steps and dial targets (registered contacts, a trunk's provider).</summary>
public sealed partial class Call
{
    /// <summary>Every registered contact of every extension named, invited at once when the step starts.</summary>
    /// <param name="fromUser">Who the phones see calling: the caller by default; the transferee for a transfer target.</param>
    private RingStep ExtensionStep(IReadOnlyList<string> extensions, TimeSpan? timeout,
        IReadOnlyList<(string Name, string Value)>? extraHeaders = null, string? fromUser = null) =>
        new(() => ExtensionTargets(extensions, extraHeaders, fromUser), timeout);

    private IReadOnlyList<DialTarget> ExtensionTargets(IReadOnlyList<string> extensions, IReadOnlyList<(string Name, string Value)>? extraHeaders,
        string? fromUser)
    {
        var host = _localHost;
        var targets = new List<DialTarget>();
        foreach (var extension in extensions)
        {
            foreach (var binding in Engine.Location.Lookup(extension))
            {
                var source = binding.Source;
                // Sent to where the REGISTER came from (NAT), on the socket it came in on; the Request-URI is the contact.
                targets.Add(new DialTarget(extension, binding.ContactUri, $"<sip:{extension}@{host}>", FromHeader(host, fromUser),
                    new SipDestination(source.Transport, source.RemoteEndPoint, source.ConnectionId), source.LocalEndPoint,
                    ExtraHeaders: extraHeaders));
            }
        }
        return targets;
    }

    private string FromHeader(string host, string? fromUser = null)
    {
        var user = fromUser is { Length: > 0 } ? fromUser : Caller.Length > 0 ? Caller : "anonymous";
        return $"<sip:{user}@{host}>";
    }

    /// <summary>
    /// Where <paramref name="dialled"/> goes when <paramref name="extension"/> dials it (a call, a transfer, a consult,
    /// click-to-dial): its profile's dial plan, or — without routing, or for a party that is not an extension — an
    /// extension only. <paramref name="trunk"/> is the route when it leaves through a trunk; <paramref name="target"/> the
    /// number the steps ring.
    /// </summary>
    private IReadOnlyList<RingStep>? DialPlanSteps(string extension, string dialled, string? fromUser, out OutboundToTrunk? trunk,
        out string target, out Refusal? refusal)
    {
        trunk = null;
        target = dialled;
        refusal = null;
        if (Engine.Routing is not { } routing || !Engine.IsExtension(extension))
        {
            if (dialled.Length > 0 && Engine.IsExtension(dialled)) return [ExtensionStep([dialled], null, fromUser: fromUser)];
            refusal = new Refusal(404, "Not Found", null);
            return null;
        }
        switch (routing.RouteOutbound(extension, dialled))
        {
            case OutboundToExtension internalCall:
                target = internalCall.Extension;
                return [ExtensionStep([internalCall.Extension], null, fromUser: fromUser)];
            case OutboundToTrunk outside:
                trunk = outside;
                target = outside.Number;
                return [TrunkStep(outside)];
            case OutboundNoRoute none:
                refusal = new Refusal(none.StatusCode, none.StatusCode switch
                {
                    403 => "Forbidden",
                    484 => "Address Incomplete",
                    _ => "Not Found",
                }, none.Detail);
                return null;
            default:
                refusal = new Refusal(404, "Not Found", null);
                return null;
        }
    }

    /// <summary>The provider of a trunk, with its credentials for 401/407 and the caller id it wants.</summary>
    private RingStep TrunkStep(OutboundToTrunk route) => new(() => TrunkTargets(route));

    private IReadOnlyList<DialTarget> TrunkTargets(OutboundToTrunk route)
    {
        var outbound = route.Trunk.Outbound!;
        var transport = outbound.Transport == TrunkTransport.Tcp ? SipTransportKind.Tcp : SipTransportKind.Udp;
        if (!TryResolve(outbound.Host, out var address))
        {
            Engine.Log.Write(Sip.Diagnostics.SipLogLevel.Warning, "calls", () => $"Call {Id}: trunk {route.Trunk.Name} host '{outbound.Host}' does not resolve");
            return [];
        }
        var hostPort = outbound.Port == 5060 ? outbound.Host : $"{outbound.Host}:{outbound.Port}";
        var uri = $"sip:{route.Number}@{hostPort}{(transport == SipTransportKind.Tcp ? ";transport=tcp" : "")}";
        var identity = route.CallerId;
        var headers = new List<(string, string)>();
        if (identity.AssertedIdentityUser is { } asserted) headers.Add(("P-Asserted-Identity", $"<sip:{asserted}@{identity.FromDomain}>"));
        ITrunkCredentials? credentials = outbound.Username is { } user && outbound.Password is { } password
            ? SipClientCredentials.FromPassword(user, password)
            : null;
        return
        [
            new DialTarget(route.Number, uri, $"<{uri}>", $"<sip:{identity.FromUser}@{identity.FromDomain}>",
                new SipDestination(transport, new IPEndPoint(address, outbound.Port)), Engine.LocalEndPoint(transport),
                credentials, headers, route.Trunk.Name),
        ];
    }

    /// <summary>
    /// The provider's address. A host name is resolved here, on the call's queue: rare (trunk calls only) and short, but a
    /// follow-up should cache it per trunk.
    /// </summary>
    private static bool TryResolve(string host, out IPAddress address)
    {
        if (IPAddress.TryParse(host, out address!)) return true;
        try
        {
            address = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                      ?? Dns.GetHostAddresses(host).First();
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or InvalidOperationException)
        {
            address = IPAddress.None;
            return false;
        }
    }
}
