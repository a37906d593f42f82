namespace ContactCenter.Telephony.Routing;

/// <summary>How a presented caller number is written towards the provider.</summary>
public enum CallerIdFormat
{
    /// <summary><c>+551140001234</c>.</summary>
    E164,

    /// <summary>National significant number with the national prefix dropped, e.g. <c>1140001234</c>.</summary>
    National,
}
