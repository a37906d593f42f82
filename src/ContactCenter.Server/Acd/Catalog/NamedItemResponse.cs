namespace ContactCenter.Server.Acd.Catalog;

public sealed record NamedItemResponse(string Id, string Name);
