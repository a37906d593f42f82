using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>
/// Re-issues a request after a 401/407 (RFC 3261 §22.2, §8.1.3.5): the same request with a new top-Via branch (a new
/// transaction), CSeq one higher, and the new credentials headers, each replacing an earlier one of the same kind and
/// realm rather than adding a duplicate. Every other byte is copied as it was.
/// </summary>
public static class SipRequestRewriter
{
    /// <param name="request">The request as last sent.</param>
    /// <param name="authorization">Headers from <see cref="DigestClientResult.Headers"/>.</param>
    /// <param name="branch">The new branch; a fresh <see cref="SipIds.NewBranch"/> when null.</param>
    /// <returns>The new request's bytes, ready for <see cref="SipTransactionLayer.SendRequest"/>.</returns>
    /// <exception cref="ArgumentException">Not a request, or no Via to carry the branch.</exception>
    public static byte[] Reissue(SipMessage request, IReadOnlyList<DigestAuthorizationHeader> authorization, string? branch = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(authorization);
        if (!request.IsRequest) throw new ArgumentException("Only a request can be re-issued.", nameof(request));
        if (!request.HasHeader(HeaderId.Via)) throw new ArgumentException("The request has no Via.", nameof(request));
        branch ??= SipIds.NewBranch();
        if (!branch.StartsWith(SipIds.MagicCookie, StringComparison.Ordinal) || branch.AsSpan().ContainsAnyExcept(TokenChars))
            throw new ArgumentException("A branch is a token starting with z9hG4bK.", nameof(branch));

        var writer = new SipMessageWriter(request.Raw.Length + 512);
        writer.RequestLine(request.MethodName.Span, request.RequestUriBytes.Span);
        bool viaDone = false, authWritten = false;
        for (int i = 0; i < request.HeaderCount; i++)
        {
            var field = request.HeaderAt(i);
            var value = request.ValueOf(field).Span;
            switch (field.Id)
            {
                case HeaderId.Via when !viaDone:
                    WriteViaWithBranch(writer, value, branch);
                    viaDone = true;
                    continue;
                case HeaderId.CSeq:
                    writer.BeginHeader(HeaderId.CSeq).Append(request.CSeq + 1).Append(" "u8).Append(request.CSeqMethodName.Span).EndHeader();
                    continue;
                case HeaderId.Authorization or HeaderId.ProxyAuthorization when IsReplaced(field.Id, value, authorization):
                    continue;
                case HeaderId.ContentLength when !authWritten:
                    WriteAuthorization(writer, authorization);
                    authWritten = true;
                    break;
            }
            if (field.Id == HeaderId.Other) writer.Header(request.NameOf(field), value);
            else writer.Header(field.Id, value);
        }
        if (!authWritten) WriteAuthorization(writer, authorization);
        return writer.FinishAsWritten(request.Body.Span);
    }

    private static void WriteAuthorization(SipMessageWriter writer, IReadOnlyList<DigestAuthorizationHeader> authorization)
    {
        foreach (var header in authorization)
        {
            if (header.Id is not (HeaderId.Authorization or HeaderId.ProxyAuthorization))
                throw new ArgumentException($"{header.Id} is not a credentials header.", nameof(authorization));
            writer.Header(header.Id, header.Value);
        }
    }

    /// <summary>An earlier credentials header for a realm now answered again: dropped so the request carries one per realm.</summary>
    private static bool IsReplaced(HeaderId id, ReadOnlySpan<byte> value, IReadOnlyList<DigestAuthorizationHeader> authorization)
    {
        if (!DigestCredentialsParser.TryParse(value, out var credentials, out _)) return false;
        foreach (var header in authorization)
            if (header.Id == id && credentials.Realm.ValueEquals(Encoding.UTF8.GetBytes(header.Realm))) return true;
        return false;
    }

    /// <summary>The first Via value with its branch replaced (or added); further values on the same line are kept.</summary>
    private static void WriteViaWithBranch(SipMessageWriter writer, ReadOnlySpan<byte> line, string branch)
    {
        int comma = SipSyntax.IndexOfUnquoted(line, (byte)',');
        var first = comma < 0 ? line : line[..comma];
        var rest = comma < 0 ? default : line[comma..];
        int start = IndexOfBranchParameter(first);
        writer.BeginHeader(HeaderId.Via);
        if (start < 0)
        {
            writer.Append(SipSyntax.Trim(first)).Append(";branch="u8).Append(branch);
        }
        else
        {
            int valueStart = first[start..].IndexOf((byte)'=') + start + 1;
            int end = valueStart;
            while (end < first.Length && first[end] is not ((byte)';' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) end++;
            writer.Append(first[..valueStart]).Append(branch).Append(first[end..]);
        }
        writer.Append(rest).EndHeader();
    }

    /// <summary>Offset of "branch" (as a parameter name, any case) in one Via value, or -1.</summary>
    private static int IndexOfBranchParameter(ReadOnlySpan<byte> via)
    {
        for (int i = via.IndexOf((byte)';'); i >= 0 && i < via.Length;)
        {
            int nameStart = i + 1;
            while (nameStart < via.Length && via[nameStart] is (byte)' ' or (byte)'\t') nameStart++;
            int nameEnd = nameStart;
            while (nameEnd < via.Length && SipSyntax.IsTokenByte(via[nameEnd])) nameEnd++;
            int afterName = nameEnd;
            while (afterName < via.Length && via[afterName] is (byte)' ' or (byte)'\t') afterName++;
            if (Ascii.EqualsIgnoreCase(via[nameStart..nameEnd], "branch"u8) && afterName < via.Length && via[afterName] == (byte)'=')
                return nameStart;
            int next = via[nameEnd..].IndexOf((byte)';');
            i = next < 0 ? -1 : nameEnd + next;
        }
        return -1;
    }

    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");
}
