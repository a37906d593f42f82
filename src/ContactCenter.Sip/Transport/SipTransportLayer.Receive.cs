using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

public sealed partial class SipTransportLayer
{
    /// <summary>
    /// Called by a receive loop with one message's bytes (the buffer now belongs to the message). Parses and hands the
    /// message up; a malformed request is answered (400/505/513 with a reason phrase naming the fault) when it can be
    /// routed, and counted either way. Never throws into the loop.
    /// </summary>
    internal void Deliver(ReadOnlyMemory<byte> bytes, SipSource source)
    {
        Statistics.Received();
        SipMessage? message;
        SipParseError error;
        try
        {
            if (SipMessageParser.TryParse(bytes, out message, out error) && message != null)
            {
                message.Source = source;
                _handler?.OnMessage(message);
                return;
            }
        }
        catch (Exception ex)
        {
            // A bug in a layer above must not kill the receive loop; it is logged (rate-limited) and the message counted.
            Statistics.MalformedMessage(answered: false);
            LogHandlerError(source, ex);
            return;
        }

        bool answered = false;
        if (message != null && IsAnswerable(message))
        {
            message.Source = source;
            answered = Reject(message, error);
        }
        Statistics.MalformedMessage(answered);
        LogMalformed(source, error, answered);
    }

    /// <summary>Called by a UDP receive loop after each datagram (see <see cref="ISipMessageHandler.RunDueWork"/>). Never throws.</summary>
    internal void RunDueWork()
    {
        try
        {
            _handler?.RunDueWork();
        }
        catch (Exception ex)
        {
            _log.Write(SipLogLevel.Error, "sip.receive", () => "Unhandled error running due work on a receive loop", ex);
        }
    }

    // The log lambdas live in their own methods: captured in Deliver, their closure was allocated for every message.
    private void LogHandlerError(SipSource source, Exception ex) =>
        _log.Write(SipLogLevel.Error, "sip.receive", () => $"Unhandled error processing a message from {source.RemoteEndPoint}", ex);

    private void LogMalformed(SipSource source, SipParseError error, bool answered) =>
        _log.Write(SipLogLevel.Warning, "sip.malformed",
            () => $"Malformed SIP message from {source.Transport} {source.RemoteEndPoint}: {error} ({(answered ? "answered" : "dropped")})");

    /// <summary>
    /// A malformed request is answered only when it looks like SIP: a request other than ACK with a Via, which the client
    /// matches the response by (RFC 3261 §17.1.3). Anything else is noise, and answering noise makes us a reflector.
    /// </summary>
    internal static bool IsAnswerable(SipMessage? message) =>
        message is { IsRequest: true } && message.Method != SipMethod.Ack && message.HasHeader(HeaderId.Via);

    /// <summary>Answers a request that failed to parse, to where it came from.</summary>
    internal bool Reject(SipMessage request, SipParseError error)
    {
        try
        {
            var response = SipResponseFactory.Create(request, error.StatusCode, error.ReasonPhrase).Finish();
            var destination = new SipDestination(request.Source!.Transport, request.Source.RemoteEndPoint, request.Source.ConnectionId);
            return Send(response, destination);
        }
        catch (Exception ex)
        {
            _log.Write(SipLogLevel.Warning, "sip.malformed", () => "Could not build an error response", ex);
            return false;
        }
    }
}
