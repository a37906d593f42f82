namespace ContactCenter.Server.Acd.Catalog;

/// <summary>Body of skill, pause reason and disposition writes; the id is in the body on POST and in the route on PUT.</summary>
public sealed record NamedItemRequest(string? Id, string? Name);
