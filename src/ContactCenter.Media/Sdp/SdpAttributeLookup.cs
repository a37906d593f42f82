using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary>Typed reads over an attribute list, shared by the session and media levels. Malformed values read as absent.</summary>
internal static class SdpAttributeLookup
{
    public static bool TryFind(IReadOnlyList<SdpAttribute> attributes, string name, out SdpAttribute attribute)
    {
        for (int i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Is(name))
            {
                attribute = attributes[i];
                return true;
            }
        }

        attribute = default;
        return false;
    }

    public static bool Has(IReadOnlyList<SdpAttribute> attributes, string name) => TryFind(attributes, name, out _);

    public static string? Value(IReadOnlyList<SdpAttribute> attributes, string name) =>
        TryFind(attributes, name, out var attribute) ? attribute.Value : null;

    /// <summary>The first direction attribute, if any.</summary>
    public static SdpDirection? Direction(IReadOnlyList<SdpAttribute> attributes)
    {
        for (int i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Value is null && SdpDirectionExtensions.TryParseAttributeName(attributes[i].Name, out var direction))
            {
                return direction;
            }
        }

        return null;
    }

    /// <summary>
    /// A packet time in whole milliseconds. RFC 8866 allows a decimal value (<c>a=ptime:20.0</c>, sent by some
    /// gateways); it is rounded. Zero, negative and absurd values (over 10 s) read as absent.
    /// </summary>
    public static int? Milliseconds(IReadOnlyList<SdpAttribute> attributes, string name)
    {
        var text = Value(attributes, name)?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 16) return null;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)) return null;
        int rounded = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        return rounded is > 0 and <= 10_000 ? rounded : null;
    }
}
