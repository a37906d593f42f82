using System.Text.RegularExpressions;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>Every RFC 4475 message, run through the parser and the validator, with the outcome its section asks for.</summary>
public sealed class Rfc4475OutcomeTests
{
    [Fact]
    public void The_table_covers_exactly_the_49_vector_files_and_their_index_sections()
    {
        var files = TortureVectors.Names("rfc4475").ToArray();
        Assert.Equal(49, files.Length);
        Assert.Equal(files, Rfc4475Table.All.Select(e => e.File).Order());

        var index = File.ReadAllText(Path.Combine(TortureVectors.Directory("rfc4475"), "INDEX.md"));
        var rows = Regex.Matches(index, @"^\| (\w+)\.dat \| ([\d.]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(49, rows.Count);
        foreach (var e in Rfc4475Table.All) Assert.Equal(rows[e.File], e.Section);
    }

    [Theory]
    [MemberData(nameof(Rfc4475Table.Files), MemberType = typeof(Rfc4475Table))]
    public void Each_vector_has_the_outcome_its_section_asks_for(string file)
    {
        var expected = Rfc4475Table.For(file);
        var bytes = TortureVectors.Rfc4475(file);

        bool parsed = SipMessageParser.TryParse(bytes, out var message, out var parseError);
        var validation = parsed ? SipMessageValidator.Validate(message!) : SipParseError.None;

        switch (expected.Stage)
        {
            case VectorStage.Accepted:
                Assert.True(parsed, $"{file}: {parseError}");
                Assert.Equal(SipParseError.None, validation);
                break;
            case VectorStage.Parser:
                Assert.False(parsed, $"{file} was accepted by the parser");
                AssertRejection(expected, parseError);
                // A refused request still yields the headers a 400/505 is routed by (RFC 3261 §8.2).
                if (!bytes.AsSpan().StartsWith("SIP/"u8))
                {
                    Assert.NotNull(message);
                    Assert.True(message!.IsRequest);
                    Assert.True(message.HasHeader(HeaderId.Via));
                }
                break;
            case VectorStage.Validator:
                Assert.True(parsed, $"{file}: {parseError}");
                AssertRejection(expected, validation);
                break;
        }
    }

    private static void AssertRejection(VectorExpectation expected, SipParseError error)
    {
        Assert.Equal(expected.Reason, error.Reason);
        Assert.Equal(expected.Header, error.Header);
        Assert.Equal(expected.StatusCode, error.StatusCode);
        if (expected.Header != HeaderId.Other) Assert.Contains(HeaderNames.CanonicalName(expected.Header), error.ReasonPhrase);
    }
}
