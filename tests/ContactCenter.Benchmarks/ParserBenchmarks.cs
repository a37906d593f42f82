using BenchmarkDotNet.Attributes;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Benchmarks;

/// <summary>
/// The message layer's hot path. RoutingView is what every received message costs (framing aside); Full adds what a
/// server does with a request it handles: validation, every header value enumerated, Vias and Contacts parsed.
/// Budgets (issue 2): ≥ 1M routing-view and ≥ 500k full parses/s per core, ≤ 256 B allocated per message.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _message = [];

    [Params("INVITE+SDP", "REGISTER+Authorization")]
    public string Message { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _message = Message == "INVITE+SDP" ? SampleMessages.InviteWithSdp : SampleMessages.RegisterWithAuthorization;
        if (!SipMessageParser.TryParse(_message, out var m, out var error) || SipMessageValidator.Validate(m!).IsError)
            throw new InvalidOperationException($"sample does not parse: {error}");
    }

    [Benchmark]
    public bool RoutingView() => SipMessageParser.TryParse(_message, out _, out _);

    [Benchmark]
    public int Full()
    {
        if (!SipMessageParser.TryParse(_message, out var m, out _)) return -1;
        if (SipMessageValidator.Validate(m!).IsError) return -2;
        return ReadEverything(m!);
    }

    [Benchmark]
    public int Frame() => SipStreamFramer.TryFrame(_message.AsSpan(), SipLimits.MaxMessageSize, out int length, out _) == FrameStatus.Message ? length : -1;

    /// <summary>Every value of every header, each Via and Contact parsed: what a registrar or call handler reads.</summary>
    internal static int ReadEverything(SipMessage m)
    {
        int sum = m.CallId.Length + (int)m.CSeq + m.FromTag.Length + m.ToTag.Length + m.Branch.Length + m.Body.Length;
        for (int i = 0; i < m.HeaderCount; i++)
        {
            var h = m.HeaderAt(i);
            var value = m.ValueOf(h);
            if (!HeaderNames.IsMultiValue(h.Id))
            {
                sum += value.Length;
                continue;
            }
            var splitter = new HeaderValueSplitter(value.Span);
            while (splitter.MoveNext())
            {
                var element = value.Slice(splitter.CurrentOffset, splitter.Current.Length);
                sum += element.Length;
                if (h.Id == HeaderId.Via && ViaHeader.TryParse(element, out var via)) sum += via.Port + via.Branch.Length;
                else if (h.Id == HeaderId.Contact && NameAddress.TryParse(element, out var contact)) sum += contact.Uri.Port + contact.Uri.Host.Length;
            }
        }
        if (m.TryGetRequestUri(out var uri)) sum += uri.Host.Length;
        return sum;
    }
}
