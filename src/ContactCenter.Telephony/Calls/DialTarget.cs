using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Where one outgoing INVITE goes: a registered contact of an extension, or a trunk's provider. Several targets of the
/// same ring step are invited in parallel (forking); the first to answer wins.
/// </summary>
/// <param name="Party">The extension or number dialled (CDR, events).</param>
/// <param name="RequestUri">The Request-URI: the contact URI, or sip:number@provider.</param>
/// <param name="To">The To header value.</param>
/// <param name="From">The From header value without tag.</param>
/// <param name="Destination">Where the INVITE is sent.</param>
/// <param name="LocalEndPoint">Our socket it leaves from (Via, Contact).</param>
/// <param name="Credentials">Provider credentials for 401/407 challenges (trunks), or null.</param>
/// <param name="ExtraHeaders">Further headers (P-Asserted-Identity, Call-Info answer-after, Alert-Info, …).</param>
/// <param name="Trunk">The trunk's name when the target is a provider.</param>
internal sealed record DialTarget(
    string Party,
    string RequestUri,
    string To,
    string From,
    SipDestination Destination,
    System.Net.IPEndPoint? LocalEndPoint,
    ITrunkCredentials? Credentials = null,
    IReadOnlyList<(string Name, string Value)>? ExtraHeaders = null,
    string? Trunk = null);
