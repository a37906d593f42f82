using System.Text;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Tests.Sdp;

internal static class SdpTestHelpers
{
    /// <summary>Parses <paramref name="text"/> (already in wire form) and fails the test with the parser's message if it does not parse.</summary>
    public static SessionDescription ParseText(string text)
    {
        var result = SdpParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(result.IsSuccess, result.ToString());
        return result.Description!;
    }

    /// <summary>Parses a vector written with newlines, after turning them into CRLF.</summary>
    public static SessionDescription ParseVector(string vector) => ParseText(SdpVectors.Crlf(vector));

    public static SdpParseResult ParseRaw(string text) => SdpParser.Parse(Encoding.UTF8.GetBytes(text));

    public static string Text(SessionDescription description) => Encoding.UTF8.GetString(SdpWriter.ToArray(description));
}
