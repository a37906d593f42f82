using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ContactCenter.Telephony.Routing;

/// <summary>
/// Compiles dial-plan <c>Match</c> patterns so that no pattern can hang a call: the non-backtracking engine
/// matches in time linear in the input, patterns and inputs are length-capped, and a match timeout backs
/// both up.
/// </summary>
public static class DialPattern
{
    public const int MaxPatternLength = 256;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static bool TryCompile(string? pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        regex = null;
        if (string.IsNullOrEmpty(pattern) || pattern.Length > MaxPatternLength)
        {
            error = $"pattern must be 1 to {MaxPatternLength} characters.";
            return false;
        }

        try
        {
            // Parse the pattern on its own first: wrapped in ^(?:...)$ straight away, an unbalanced
            // "0)|(.*" would parse and match everything.
            _ = new Regex(pattern, Options, MatchTimeout);
            regex = new Regex($"^(?:{pattern})$", Options, MatchTimeout);
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            error = $"'{pattern}' is not a valid regular expression: {exception.Message}";
        }
        catch (NotSupportedException exception)
        {
            error = $"'{pattern}' uses a construct the non-backtracking engine does not support (backreferences, lookarounds, atomic groups) or is too large: {exception.Message}";
        }

        return false;
    }

    /// <summary>Whole-string match; false on a timeout rather than an exception.</summary>
    public static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
