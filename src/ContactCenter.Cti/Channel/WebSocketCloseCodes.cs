using System.Net.WebSockets;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// The close codes of the WebSocket channel (RFC 6455 §7.4; 4000–4999 are the application's). The close reason is the
/// snake_case name. A client that accepts nothing for <c>ChannelSendTimeout</c> gets no close frame at all (it would
/// not read it): the connection is dropped, which a client sees as 1006.
/// </summary>
public static class WebSocketCloseCodes
{
    /// <summary>1000: the answer to the client's own close.</summary>
    public const int Normal = (int)WebSocketCloseStatus.NormalClosure;

    /// <summary>1001 <c>server_stopping</c>: reconnect (with the position) when the server is back.</summary>
    public const int ServerStopping = (int)WebSocketCloseStatus.EndpointUnavailable;

    /// <summary>1008 <c>unexpected_message</c>: the client sent a data message; the channel only sends.</summary>
    public const int UnexpectedMessage = (int)WebSocketCloseStatus.PolicyViolation;

    /// <summary>1011 <c>internal_error</c>: the server failed; reconnect with the position.</summary>
    public const int InternalError = (int)WebSocketCloseStatus.InternalServerError;

    /// <summary>4000 <c>taken_over</c>: a newer connection (SSE or WebSocket) for the same subscription took the channel; do not reconnect from here.</summary>
    public const int TakenOver = 4000;

    /// <summary>4001 <c>unsubscribed</c>: the subscription was deleted; do not reconnect.</summary>
    public const int Unsubscribed = 4001;
}
