using System.Net;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Starts a response to a request (RFC 3261 §8.2.6.2): Via lines, From, To (with our tag), Call-ID and CSeq copied;
/// the top Via gets <c>received</c> and <c>rport</c> for the address the request came from (§18.2.1, RFC 3581 §4).
/// </summary>
public static class SipResponseFactory
{
    public static SipMessageWriter Create(SipMessage request, int statusCode, string reasonPhrase, ReadOnlySpan<byte> toTag = default)
    {
        var writer = new SipMessageWriter(512 + request.Raw.Length / 2);
        writer.StatusLine(statusCode, reasonPhrase);
        var data = request.Data.Span;
        bool first = true;
        foreach (ref readonly var h in request.Headers)
        {
            if (h.Id != HeaderId.Via) continue;
            if (first && request.Source != null) WriteTopVia(writer, request, h.Value.Slice(request.Data));
            else writer.Header(HeaderId.Via, h.Value.Slice(data));
            first = false;
        }
        writer.CopyHeaders(request, HeaderId.From);
        foreach (ref readonly var h in request.Headers)
        {
            if (h.Id != HeaderId.To) continue;
            writer.BeginHeader(HeaderId.To).Append(h.Value.Slice(data));
            if (!request.HasToTag && !toTag.IsEmpty && statusCode > 100) writer.Append(";tag="u8).Append(toTag);
            writer.EndHeader();
        }
        writer.CopyHeaders(request, HeaderId.CallId);
        writer.CopyHeaders(request, HeaderId.CSeq);
        return writer;
    }

    private static void WriteTopVia(SipMessageWriter writer, SipMessage request, ReadOnlyMemory<byte> lineMemory)
    {
        // The first Via line may hold several values; only the first gets received/rport.
        var line = lineMemory.Span;
        var splitter = new HeaderValueSplitter(line);
        splitter.MoveNext();
        var top = splitter.Current;
        int topEnd = splitter.CurrentOffset + top.Length;
        var remote = request.Source!.RemoteEndPoint;
        if (!ViaHeader.TryParse(lineMemory.Slice(splitter.CurrentOffset, top.Length), out var via))
        {
            writer.Header(HeaderId.Via, line);
            return;
        }
        writer.BeginHeader(HeaderId.Via);
        var paramStart = top.Length - via.Parameters.Length;
        writer.Append(SipSyntax.Trim(top[..paramStart]));
        bool hasRPort = false, hasReceived = false;
        foreach (var p in new SipParameterReader(via.Parameters))
        {
            writer.Append(";"u8).Append(p.Name);
            if (System.Text.Ascii.EqualsIgnoreCase(p.Name, "rport"u8))
            {
                hasRPort = true;
                writer.Append("="u8).Append(remote.Port);
                continue;
            }
            if (System.Text.Ascii.EqualsIgnoreCase(p.Name, "received"u8))
            {
                hasReceived = true;
                writer.Append("="u8).Append(remote.Address.ToString());
                continue;
            }
            if (p.HasValue) writer.Append("="u8).Append(p.Value);
        }
        if (!hasReceived && (hasRPort || !HostIs(via.Host, remote.Address)))
            writer.Append(";received="u8).Append(remote.Address.ToString());
        writer.Append(line[topEnd..]);
        writer.EndHeader();
    }

    private static bool HostIs(ReadOnlySpan<byte> host, IPAddress address)
    {
        if (host.Length > 64) return false; // longer than any IP literal: a name
        Span<char> chars = stackalloc char[host.Length];
        for (int i = 0; i < host.Length; i++) chars[i] = (char)host[i];
        if (chars.Length > 2 && chars[0] == '[') chars = chars[1..^1];
        return IPAddress.TryParse(chars, out var parsed) && parsed.Equals(address);
    }
}
