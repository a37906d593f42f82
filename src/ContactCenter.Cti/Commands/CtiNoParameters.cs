namespace ContactCenter.Cti.Commands;

/// <summary>The request of a command without parameters (only <c>client_data</c>).</summary>
public sealed record CtiNoParameters;
