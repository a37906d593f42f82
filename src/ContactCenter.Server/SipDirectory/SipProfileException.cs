namespace ContactCenter.Server.SipDirectory;

/// <summary>The SIP profiles cannot be used; <see cref="Errors"/> lists every problem found, by file.</summary>
public sealed class SipProfileException : Exception
{
    public SipProfileException(string directory, IReadOnlyList<string> errors)
        : base(FormatMessage(directory, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string directory, IReadOnlyList<string> errors) =>
        $"SIP profiles in '{directory}' are invalid:{Environment.NewLine}  - " +
        string.Join($"{Environment.NewLine}  - ", errors);
}
