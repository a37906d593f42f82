using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Vectors;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>A parsed message written back with <see cref="SipMessageWriter"/> reads the same: routing view, headers, order, body.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> ValidVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Rfc4475Table.All.Where(e => e.Stage == VectorStage.Accepted)) data.Add("rfc4475", e.File);
        foreach (var name in TortureVectors.Names("rfc5118").Where(n => n != "ipv6-bad")) data.Add("rfc5118", name);
        return data;
    }

    internal static byte[] Write(SipMessage m)
    {
        var writer = new SipMessageWriter();
        if (m.IsRequest) writer.RequestLine(m.MethodName.Span, m.RequestUriBytes.Span);
        else writer.StatusLine(m.StatusCode, m.ReasonPhrase.Span);
        for (int i = 0; i < m.HeaderCount; i++)
        {
            var h = m.HeaderAt(i);
            writer.Header(m.NameOf(h), m.ValueOf(h).Span);
        }
        return writer.FinishAsWritten(m.Body.Span);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void A_rewritten_message_reads_the_same(string set, string name)
    {
        Assert.True(SipMessageParser.TryParse(TortureVectors.Load(set, name), out var original, out _));
        var written = Write(original!);
        Assert.True(SipMessageParser.TryParse(written, out var reread, out var error), error.ToString());
        Assert.Equal(SipParseError.None, SipMessageValidator.Validate(reread!));

        AssertSameRoutingView(original!, reread!);
        Assert.Equal(original!.HeaderCount, reread!.HeaderCount);
        for (int i = 0; i < original.HeaderCount; i++)
        {
            var a = original.HeaderAt(i);
            var b = reread.HeaderAt(i);
            Assert.Equal(a.Id, b.Id);
            Assert.True(original.NameOf(a).SequenceEqual(reread.NameOf(b)));        // unknown headers too, in order
            Assert.True(original.ValueOf(a).Span.SequenceEqual(reread.ValueOf(b).Span));
        }
        Assert.True(original.Body.Span.SequenceEqual(reread.Body.Span));

        // Writing is a fixed point after the first pass: folding and spacing are normalized once.
        Assert.Equal(written, Write(reread));
    }

    [Fact]
    public void Unfolded_lines_are_written_on_one_line()
    {
        Assert.True(SipMessageParser.TryParse(TortureVectors.Rfc4475("wsinv"), out var m, out _));
        var text = System.Text.Encoding.UTF8.GetString(Write(m!));
        var headerSection = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\n ", headerSection);
        Assert.Contains("\r\nNewFangledHeader: newfangled value", headerSection);
        Assert.Contains("\r\nUnknownHeaderWithUnusualValue: ;;,,;;,;\r\n", headerSection);
    }

    private static void AssertSameRoutingView(SipMessage a, SipMessage b)
    {
        Assert.Equal(a.IsRequest, b.IsRequest);
        Assert.Equal(a.Method, b.Method);
        Assert.True(a.MethodName.Span.SequenceEqual(b.MethodName.Span));
        Assert.True(a.RequestUriBytes.Span.SequenceEqual(b.RequestUriBytes.Span));
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.True(a.ReasonPhrase.Span.SequenceEqual(b.ReasonPhrase.Span));
        Assert.Equal(a.CallIdString, b.CallIdString);
        Assert.Equal(a.CSeq, b.CSeq);
        Assert.Equal(a.CSeqMethod, b.CSeqMethod);
        Assert.Equal(a.MaxForwards, b.MaxForwards);
        Assert.Equal(a.ContentLength, b.ContentLength);
        Assert.True(a.FromTag.Span.SequenceEqual(b.FromTag.Span));
        Assert.True(a.ToTag.Span.SequenceEqual(b.ToTag.Span));
        Assert.True(a.Branch.Span.SequenceEqual(b.Branch.Span));
        Assert.True(a.TopVia.Value.Span.SequenceEqual(b.TopVia.Value.Span));
    }
}
