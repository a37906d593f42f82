namespace ContactCenter.Server.Acd;

/// <summary><c>ContactCenter:Acd</c> settings.</summary>
public sealed class AcdOptions
{
    public const string SectionName = "ContactCenter:Acd";

    /// <summary>Write the demo configuration (one service, three agents at 1001–1003) when the ACD tables are empty.</summary>
    public bool LoadDemoConfiguration { get; set; } = true;
}
