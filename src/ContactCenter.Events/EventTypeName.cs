namespace ContactCenter.Events;

/// <summary>
/// The one rule for event type names, shared by publishing and filters, so a filter can never name a
/// type that no producer could publish.
/// </summary>
internal static class EventTypeName
{
    public const int MaxLength = 128;

    /// <summary>Lowercase dotted segments of [a-z0-9_-], each starting with a letter: "registration.added".</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxLength)
            return false;
        bool segmentStart = true;
        foreach (char c in name)
        {
            if (c == '.')
            {
                if (segmentStart)
                    return false;
                segmentStart = true;
                continue;
            }
            bool letter = c is >= 'a' and <= 'z';
            if (segmentStart ? !letter : !(letter || c is >= '0' and <= '9' or '_' or '-'))
                return false;
            segmentStart = false;
        }
        return !segmentStart;
    }

    public static void Validate(string type, string paramName)
    {
        ArgumentNullException.ThrowIfNull(type, paramName);
        if (!IsValid(type))
            throw new ArgumentException(
                $"Event type '{type}' is invalid: use lowercase dotted names such as 'registration.added' " +
                $"(segments of a-z, 0-9, '_' or '-', each starting with a letter, at most {MaxLength} characters).",
                paramName);
    }
}
