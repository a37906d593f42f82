using System.Text;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip.Usages.Core;

/// <summary>
/// The UAS core (RFC 3261 §8.2): every new server transaction passes the common checks, then goes to the usage for its
/// method. Registration and OPTIONS live here now; INVITE sessions arrive with the call engine.
/// </summary>
public sealed class SipServerCore(UasCapabilities capabilities, RegistrarUsage registrar, ISipLog log, TimeProvider time)
    : ISipTransactionUser
{
    private readonly RateLimitedLog _log = new(log, time);

    public UasCapabilities Capabilities => capabilities;

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        try
        {
            var validation = SipMessageValidator.Validate(request);
            if (validation.IsError)
            {
                transaction.SendResponse(validation.StatusCode, validation.ReasonPhrase);
                return;
            }
            if (request.Method == SipMethod.Cancel)
            {
                HandleCancel(transaction);
                return;
            }
            var rejection = UasRequestPolicy.Check(request, capabilities);
            if (rejection != null)
            {
                Reject(transaction, rejection);
                return;
            }
            switch (request.Method)
            {
                case SipMethod.Register:
                    var reply = registrar.Process(request, Tag(transaction));
                    if (reply.Stateless) transaction.SendStatelessResponse(reply.Message);
                    else transaction.SendResponse(reply.Message);
                    break;
                case SipMethod.Options:
                    transaction.SendResponse(OptionsResponse(transaction));
                    break;
                default:
                    Reject(transaction, new UasRejection(501, "Not Implemented", "Allow", capabilities.AllowHeader));
                    break;
            }
        }
        catch (Exception ex)
        {
            // A usage bug answers 500 and is logged; it never reaches the receive loop or leaves the peer retransmitting.
            _log.Write(SipLogLevel.Error, "sip.core", () => $"Error handling {request.Method} {request.CallIdString}", ex);
            transaction.SendResponse(500, "Server Internal Error");
        }
    }

    /// <summary>
    /// CANCEL (RFC 3261 §9.2): 200 when it matches a pending INVITE, which then ends with 487; 481 otherwise. No INVITE
    /// usage exists yet, so an INVITE is never pending: every CANCEL gets 481 until the call engine arrives.
    /// </summary>
    private static void HandleCancel(ServerTransaction transaction)
    {
        var target = transaction.CancelledTransaction;
        if (target == null)
        {
            transaction.SendResponse(481, "Call/Transaction Does Not Exist");
            return;
        }
        transaction.SendResponse(200, "OK");
        target.SendResponse(487, "Request Terminated");
    }

    private static void Reject(ServerTransaction transaction, UasRejection rejection)
    {
        var writer = SipResponseFactory.Create(transaction.Request, rejection.StatusCode, rejection.ReasonPhrase, Tag(transaction));
        if (rejection.HeaderName != null) writer.Header(rejection.HeaderName, rejection.HeaderValue ?? "");
        transaction.SendResponse(writer.Finish());
    }

    private byte[] OptionsResponse(ServerTransaction transaction) =>
        SipResponseFactory.Create(transaction.Request, 200, "OK", Tag(transaction))
            .Header(HeaderId.Allow, capabilities.AllowHeader)
            .Header(HeaderId.Accept, capabilities.AcceptHeader)
            .Header(HeaderId.AcceptEncoding, "identity")
            .Header(HeaderId.AcceptLanguage, "en")
            .Header(HeaderId.Supported, capabilities.SupportedHeader)
            .Finish();

    private static byte[] Tag(ServerTransaction transaction) =>
        transaction.Request.HasToTag ? [] : Encoding.ASCII.GetBytes(transaction.LocalTag);

    public void OnStrayAck(SipMessage ack)
    {
        // No INVITE usage yet: an ACK without a transaction has nothing to confirm (RFC 3261 §17.2.3 leaves it to the core).
    }

    public void OnStrayResponse(SipMessage response)
    {
        _log.Write(SipLogLevel.Debug, "sip.core", () => $"Response {response.StatusCode} matches no transaction; discarded");
    }
}
