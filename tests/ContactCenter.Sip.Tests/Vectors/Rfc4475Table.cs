using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Vectors.VectorExpectation;

namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>
/// The expected outcome of each of the 49 RFC 4475 messages, from the RFC's text for its section. "Valid" here means
/// the message layer accepts it; the later decision some sections ask for (416, 420, 415, 401, 406, 483, discard) is
/// the server's or the transaction layer's and is covered where those are tested. The exact reason and header are
/// part of the expectation because they become the reason phrase the peer sees.
/// </summary>
public static class Rfc4475Table
{
    public static readonly IReadOnlyList<VectorExpectation> All =
    [
        // 3.1.1 Valid messages
        Valid("wsinv", "3.1.1.1"),
        Valid("intmeth", "3.1.1.2"),
        Valid("esc01", "3.1.1.3"),
        Valid("escnull", "3.1.1.4"),
        Valid("esc02", "3.1.1.5"),
        Valid("lwsdisp", "3.1.1.6"),
        Valid("longreq", "3.1.1.7"),
        Valid("dblreq", "3.1.1.8"),
        Valid("semiuri", "3.1.1.9"),
        Valid("transports", "3.1.1.10"),
        Valid("mpart01", "3.1.1.11"),
        Valid("unreason", "3.1.1.12"),
        Valid("noreason", "3.1.1.13"),

        // 3.1.2 Invalid messages
        // The top Via "SIP/2.0/UDP 192.0.2.15;;" has an empty parameter (the Contact's ";;;;" would fail next).
        ByParser("badinv01", "3.1.2.1", RejectionReason.MalformedHeader, HeaderId.Via, 400),
        ByParser("clerr", "3.1.2.2", RejectionReason.ContentLengthExceedsMessage, HeaderId.ContentLength, 400),
        ByParser("ncl", "3.1.2.3", RejectionReason.InvalidContentLength, HeaderId.ContentLength, 400),
        // CSeq 36893488147419103232 is past 2^31; the RFC names the CSeq as the reason to answer 400.
        ByParser("scalar02", "3.1.2.4", RejectionReason.MalformedHeader, HeaderId.CSeq, 400),
        // A response: refused (and so discarded) for its CSeq; responses are never answered.
        ByParser("scalarlg", "3.1.2.5", RejectionReason.MalformedHeader, HeaderId.CSeq, 400),
        ByParser("quotbal", "3.1.2.6", RejectionReason.MalformedHeader, HeaderId.To, 400),
        ByParser("ltgtruri", "3.1.2.7", RejectionReason.InvalidRequestUri, HeaderId.Other, 400),
        ByParser("lwsruri", "3.1.2.8", RejectionReason.InvalidRequestUri, HeaderId.Other, 400),
        ByParser("lwsstart", "3.1.2.9", RejectionReason.InvalidStartLine, HeaderId.Other, 400),
        ByParser("trws", "3.1.2.10", RejectionReason.InvalidStartLine, HeaderId.Other, 400),
        ByValidator("escruri", "3.1.2.11", RejectionReason.InvalidRequestUri, HeaderId.Other, 400),
        ByValidator("baddate", "3.1.2.12", RejectionReason.MalformedHeader, HeaderId.Date, 400),
        ByValidator("regbadct", "3.1.2.13", RejectionReason.MalformedHeader, HeaderId.Contact, 400),
        ByParser("badaspec", "3.1.2.14", RejectionReason.MalformedHeader, HeaderId.To, 400),
        // From comes before To in the routing view; both display names are unquoted with a comma.
        ByParser("baddn", "3.1.2.15", RejectionReason.MalformedHeader, HeaderId.From, 400),
        ByParser("badvers", "3.1.2.16", RejectionReason.UnsupportedVersion, HeaderId.Other, 505),
        ByParser("mismatch01", "3.1.2.17", RejectionReason.CSeqMethodMismatch, HeaderId.CSeq, 400),
        ByParser("mismatch02", "3.1.2.18", RejectionReason.CSeqMethodMismatch, HeaderId.CSeq, 400),
        ByParser("bigcode", "3.1.2.19", RejectionReason.InvalidStatusCode, HeaderId.Other, 400),

        // 3.2 Transaction layer semantics: parses; the branch "z9hG4bK" alone is not an RFC 3261 branch.
        Valid("badbranch", "3.2.1"),

        // 3.3 Application layer semantics
        // To, From, Call-ID and Max-Forwards are missing; §8.1.1's list names To first.
        ByParser("insuf", "3.3.1", RejectionReason.MissingHeader, HeaderId.To, 400),
        Valid("unkscm", "3.3.2"),     // the server answers 416
        Valid("novelsc", "3.3.3"),    // the application decides
        Valid("unksm2", "3.3.4"),
        Valid("bext01", "3.3.5"),     // the server answers 420 with Unsupported
        Valid("invut", "3.3.6"),      // the server answers 415 with Accept
        Valid("regaut01", "3.3.7"),   // the registrar answers 401
        // CSeq is the first single-value header seen twice (Call-ID, To, From and Max-Forwards follow).
        ByParser("multi01", "3.3.8", RejectionReason.MultipleSingleValueHeader, HeaderId.CSeq, 400),
        ByParser("mcl01", "3.3.9", RejectionReason.MultipleSingleValueHeader, HeaderId.ContentLength, 400),
        Valid("bcast", "3.3.10"),     // the transport discards it
        Valid("zeromf", "3.3.11"),    // a UAS processes it; a proxy would answer 483
        Valid("cparam01", "3.3.12"),
        Valid("cparam02", "3.3.13"),
        Valid("regescrt", "3.3.14"),
        Valid("sdp01", "3.3.15"),     // the server answers 406

        // 3.4 Backward compatibility
        Valid("inv2543", "3.4.1"),
    ];

    public static VectorExpectation For(string file) => All.Single(e => e.File == file);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var e in All) data.Add(e.File);
        return data;
    }

    public static TheoryData<string> ValidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var e in All.Where(e => e.Stage == VectorStage.Accepted)) data.Add(e.File);
        return data;
    }
}
