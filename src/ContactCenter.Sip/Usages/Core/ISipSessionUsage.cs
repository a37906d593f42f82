using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Usages.Core;

/// <summary>
/// The usage behind INVITE sessions (the call engine), plugged into <see cref="SipServerCore"/>. The core runs the
/// RFC 3261 §8.2 checks first and keeps REGISTER and OPTIONS; everything else of a session comes here. Called on
/// receive loops and timer threads: implementations post to their own queues and return, never block.
/// </summary>
public interface ISipSessionUsage
{
    /// <summary>Methods this usage serves beyond the core's (INVITE, BYE, …); added to Allow and the 501 check.</summary>
    IReadOnlyList<SipMethod> Methods { get; }

    /// <summary>Body types this usage understands beyond SDP (INFO DTMF, sipfrag); added to Accept and the 415 check.</summary>
    IReadOnlyList<string> ContentTypes => [];

    /// <summary>Option tags this usage implements (e.g. "replaces"); added to Supported and the Require check.</summary>
    IReadOnlyList<string> Extensions => [];

    /// <summary>A new server transaction for one of <see cref="Methods"/>: initial INVITE or any in-dialog request.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>
    /// A CANCEL matched the pending INVITE <paramref name="invite"/>; the core has already answered the CANCEL with 200.
    /// The usage ends the INVITE with 487 (§9.2) and tears down whatever it started for it.
    /// </summary>
    /// <param name="invite">The INVITE's transaction. Its request is released once a 2xx is sent: use <paramref name="cancel"/>.</param>
    /// <param name="cancel">The CANCEL, with the INVITE's Call-ID, From, To and CSeq number (§9.1).</param>
    void OnCancel(ServerTransaction invite, SipMessage cancel);

    /// <summary>An ACK no transaction absorbed: the ACK for a 2xx we sent (or one matching nothing).</summary>
    void OnAck(SipMessage ack);

    /// <summary>A response matching no client transaction, e.g. a retransmitted 2xx to an INVITE we sent.</summary>
    void OnStrayResponse(SipMessage response);
}
