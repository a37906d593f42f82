namespace ContactCenter.Cti.Commands;

/// <summary>Command names are snake_case as in the source (CTI-08): <c>get_agents_list</c>, <c>call_transfer</c>.</summary>
internal static class CtiCommandNames
{
    public static void Validate(string name)
    {
        bool valid = name.Length is > 0 and <= 64 && name[0] is >= 'a' and <= 'z' && name[^1] != '_'
            && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_') && !name.Contains("__", StringComparison.Ordinal);
        if (!valid)
            throw new ArgumentException($"CTI command name '{name}' must be snake_case (a-z, 0-9, single '_'), starting with a letter.", nameof(name));
    }
}
