namespace ContactCenter.Acd.Configuration;

/// <summary>The channel an interaction arrives on; capacity is counted per media type.</summary>
public enum MediaType
{
    Voice,
    Chat,
    Email,
    Sms,
}
