using System.Text;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip.Usages.Core;

/// <summary>
/// The UAS core (RFC 3261 §8.2): every new server transaction passes the common checks, then goes to the usage for its
/// method. Registration and OPTIONS live here; INVITE sessions go to the <see cref="ISipSessionUsage"/> when one is
/// attached (<see cref="AttachSessions"/>), and are 501 otherwise.
/// </summary>
public sealed class SipServerCore(UasCapabilities capabilities, RegistrarUsage registrar, ISipLog log, TimeProvider time)
    : ISipTransactionUser
{
    private readonly RateLimitedLog _log = new(log, time);
    private UasCapabilities _capabilities = capabilities;
    private volatile ISipSessionUsage? _sessions;

    /// <summary>What is advertised and enforced: the configured capabilities plus the session usage's methods.</summary>
    public UasCapabilities Capabilities => _capabilities;

    public ISipSessionUsage? Sessions => _sessions;

    /// <summary>
    /// Attaches the session usage (once, before the stack starts receiving): its methods join Allow and stop being 501.
    /// </summary>
    /// <exception cref="InvalidOperationException">A session usage is already attached.</exception>
    public void AttachSessions(ISipSessionUsage sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (_sessions != null) throw new InvalidOperationException("A session usage is already attached.");
        _capabilities = _capabilities with
        {
            Methods = [.. _capabilities.Methods.Union(sessions.Methods)],
            ContentTypes = [.. _capabilities.ContentTypes.Union(sessions.ContentTypes, StringComparer.OrdinalIgnoreCase)],
            Extensions = [.. _capabilities.Extensions.Union(sessions.Extensions, StringComparer.OrdinalIgnoreCase)],
        };
        _sessions = sessions;
    }

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
            var rejection = UasRequestPolicy.Check(request, _capabilities);
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
                    if (_sessions is { } sessions && sessions.Methods.Contains(request.Method))
                        sessions.OnRequest(transaction);
                    else
                        Reject(transaction, new UasRejection(501, "Not Implemented", "Allow", _capabilities.AllowHeader));
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
    /// usage attached, an INVITE is never pending; with one, the usage ends the INVITE (and what it started for it).
    /// </summary>
    private void HandleCancel(ServerTransaction transaction)
    {
        var target = transaction.CancelledTransaction;
        var cancel = transaction.Request; // read before the 200: a non-INVITE transaction releases its request with it
        if (target == null)
        {
            transaction.SendResponse(481, "Call/Transaction Does Not Exist");
            return;
        }
        transaction.SendResponse(200, "OK");
        if (_sessions is { } sessions) sessions.OnCancel(target, cancel);
        else target.SendResponse(487, "Request Terminated");
    }

    private static void Reject(ServerTransaction transaction, UasRejection rejection)
    {
        var writer = SipResponseFactory.Create(transaction.Request, rejection.StatusCode, rejection.ReasonPhrase, Tag(transaction));
        if (rejection.HeaderName != null) writer.Header(rejection.HeaderName, rejection.HeaderValue ?? "");
        transaction.SendResponse(writer.Finish());
    }

    private byte[] OptionsResponse(ServerTransaction transaction) =>
        SipResponseFactory.Create(transaction.Request, 200, "OK", Tag(transaction))
            .Header(HeaderId.Allow, _capabilities.AllowHeader)
            .Header(HeaderId.Accept, _capabilities.AcceptHeader)
            .Header(HeaderId.AcceptEncoding, "identity")
            .Header(HeaderId.AcceptLanguage, "en")
            .Header(HeaderId.Supported, _capabilities.SupportedHeader)
            .Finish();

    private static byte[] Tag(ServerTransaction transaction) =>
        transaction.Request.HasToTag ? [] : Encoding.ASCII.GetBytes(transaction.LocalTag);

    public void OnStrayAck(SipMessage ack)
    {
        // Without a session usage an ACK without a transaction has nothing to confirm (RFC 3261 §17.2.3 leaves it to the core).
        _sessions?.OnAck(ack);
    }

    public void OnStrayResponse(SipMessage response)
    {
        if (_sessions is { } sessions)
        {
            sessions.OnStrayResponse(response);
            return;
        }
        _log.Write(SipLogLevel.Debug, "sip.core", () => $"Response {response.StatusCode} matches no transaction; discarded");
    }
}
