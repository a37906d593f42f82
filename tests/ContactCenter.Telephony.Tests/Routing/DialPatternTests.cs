using System.Diagnostics;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class DialPatternTests
{
    [Theory]
    [InlineData("0[1-9][0-9]{9,10}", "011987654321", true)]
    [InlineData("0[1-9][0-9]{9,10}", "0119876543210", false)]
    [InlineData("911", "9110", false)]
    [InlineData("911", "0911", false)]
    [InlineData("19[0-9]|911", "193", true)]
    [InlineData("19[0-9]|911", "1911", false)]
    public void Patterns_match_the_whole_dialled_string(string pattern, string input, bool expected)
    {
        Assert.True(DialPattern.TryCompile(pattern, out var regex, out _));
        Assert.Equal(expected, DialPattern.IsMatch(regex, input));
    }

    [Theory]
    [InlineData("0)|(.*", "not a valid regular expression")]
    [InlineData("[0-9", "not a valid regular expression")]
    [InlineData("(\\d)\\1", "does not support")]
    [InlineData("(?=1)\\d+", "does not support")]
    [InlineData("(?>1+)", "does not support")]
    [InlineData("", "1 to 256 characters")]
    public void Broken_or_backtracking_patterns_are_rejected(string pattern, string expected)
    {
        Assert.False(DialPattern.TryCompile(pattern, out var regex, out var error));
        Assert.Null(regex);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_patterns_are_rejected()
    {
        Assert.False(DialPattern.TryCompile(new string('1', DialPattern.MaxPatternLength + 1), out _, out var error));
        Assert.Contains("1 to 256 characters", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(1+)+2")]
    [InlineData("(1|11)*2")]
    [InlineData("(1*)*1*1*1*1*1*2")]
    [InlineData("([0-9]+[0-9]+)+x")]
    public void Catastrophic_backtracking_patterns_stay_linear(string pattern)
    {
        Assert.True(DialPattern.TryCompile(pattern, out var regex, out _));
        var input = new string('1', PhoneNumberNormalizer.MaxLength);

        // A backtracking engine takes 2^64 steps here; the bound is generous for a loaded 2-core machine.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            Assert.False(DialPattern.IsMatch(regex, input));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"100 matches took {watch.Elapsed}");
    }

    [Fact]
    public void Huge_counted_repetitions_are_rejected_or_compile_bounded()
    {
        var watch = Stopwatch.StartNew();
        var compiled = DialPattern.TryCompile("((1{100}){100}){100}", out var regex, out var error);
        if (compiled)
        {
            Assert.False(DialPattern.IsMatch(regex!, new string('1', PhoneNumberNormalizer.MaxLength)));
        }
        else
        {
            Assert.Contains("too large", error, StringComparison.Ordinal);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
