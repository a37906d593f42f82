namespace ContactCenter.TestPeers.Tests;

public class BoundedTextTests
{
    [Fact]
    public void Keeps_the_first_and_the_latest_lines_and_counts_the_dropped_ones()
    {
        var text = new BoundedText(headCharacters: 20, tailCharacters: 30);

        for (var i = 0; i < 1000; i++)
        {
            text.AppendLine($"line {i:000}");
        }
        var kept = text.ToString();

        Assert.StartsWith("line 000\nline 001\n", kept);
        Assert.EndsWith("line 998\nline 999\n", kept);
        Assert.Contains("lines dropped", kept);
        Assert.True(kept.Length < 200, $"kept {kept.Length} characters");
    }

    [Fact]
    public void Short_output_is_kept_whole()
    {
        var text = new BoundedText();
        text.AppendLine("a");
        text.AppendLine("b");

        Assert.Equal("a\nb\n", text.ToString());
    }
}
