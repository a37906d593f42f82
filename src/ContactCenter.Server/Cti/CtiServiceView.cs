using ContactCenter.Acd.Configuration;

namespace ContactCenter.Server.Cti;

/// <summary>A service as CTI shows it: what an agent may do with its calls and how they are classified.</summary>
public sealed record CtiServiceView(
    string ServiceId,
    string Name,
    string Media,
    string AnswerMode,
    IReadOnlyList<string> EntryPoints,
    CtiServiceView.AgentPermissions Permissions,
    IReadOnlyList<CtiServiceView.Disposition> Dispositions)
{
    public sealed record AgentPermissions(bool Consult, bool Transfer, bool Conference);

    public sealed record Disposition(string Id, string Name);

    public static CtiServiceView From(ServiceDefinition service, AcdConfiguration configuration) => new(
        service.Id, service.Name, service.Media.Name(), service.AnswerMode.ToString().ToLowerInvariant(), service.EntryPoints,
        new AgentPermissions(service.Permissions.Consult, service.Permissions.Transfer, service.Permissions.Conference),
        service.Dispositions.Select(id => new Disposition(id, configuration.Dispositions.TryGetValue(id, out var d) ? d.Name : id)).ToList());
}
