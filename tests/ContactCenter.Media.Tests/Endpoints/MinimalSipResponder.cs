using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>
/// Just enough SIP over UDP for sipp to play a capture at a media leg: INVITE gets a 200 whose SDP is the leg's real
/// answer to sipp's offer; BYE gets a 200; ACK is absorbed. Not a SIP stack: headers are echoed, nothing is validated.
/// </summary>
internal sealed class MinimalSipResponder : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly MediaLeg _leg;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MinimalSipResponder(MediaLeg leg)
    {
        _leg = leg;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(RunAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public TaskCompletionSource<MediaNegotiation> Negotiated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs once, after the offer is applied and before the 200 OK goes out (start recording before RTP can arrive).</summary>
    public Action<MediaNegotiation>? BeforeAnswer { get; set; }

    public TaskCompletionSource ByeReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The loop ends with the socket; its exception is expected here.
        }
    }

    private async Task RunAsync()
    {
        var buffer = new byte[8192];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = split < 0 ? text : text[..split];
            var body = split < 0 ? "" : text[(split + 4)..];
            var lines = head.Split("\r\n");
            string? reply = null;
            if (lines[0].StartsWith("INVITE ", StringComparison.Ordinal))
            {
                var negotiation = _leg.AcceptOffer(Encoding.ASCII.GetBytes(body));
                if (!Negotiated.Task.IsCompleted)
                {
                    BeforeAnswer?.Invoke(negotiation);
                }

                Negotiated.TrySetResult(negotiation);
                var sdp = negotiation.IsSuccess ? Encoding.ASCII.GetString(negotiation.AnswerBytes()) : "";
                reply = Response(lines, negotiation.IsSuccess ? "200 OK" : "488 Not Acceptable Here", sdp);
            }
            else if (lines[0].StartsWith("BYE ", StringComparison.Ordinal))
            {
                reply = Response(lines, "200 OK", "");
                ByeReceived.TrySetResult();
            }

            if (reply is not null)
            {
                await _socket.SendToAsync(Encoding.ASCII.GetBytes(reply), SocketFlags.None, received.RemoteEndPoint);
            }
        }
    }

    private string Response(string[] request, string status, string sdp)
    {
        var response = new StringBuilder("SIP/2.0 ").Append(status).Append("\r\n");
        foreach (var line in request.Skip(1))
        {
            var name = line.Split(':', 2)[0].Trim().ToLowerInvariant();
            if (name is "via" or "from" or "call-id" or "cseq" or "v" or "f" or "i")
            {
                response.Append(line).Append("\r\n");
            }
            else if (name is "to" or "t")
            {
                response.Append(line).Append(line.Contains(";tag=", StringComparison.Ordinal) ? "" : ";tag=responder").Append("\r\n");
            }
        }

        response.Append("Contact: <sip:media@").Append(EndPoint).Append(">\r\n");
        if (sdp.Length > 0)
        {
            response.Append("Content-Type: application/sdp\r\n");
        }

        response.Append("Content-Length: ").Append(Encoding.ASCII.GetByteCount(sdp)).Append("\r\n\r\n").Append(sdp);
        return response.ToString();
    }
}
