using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ContactCenter.Server.Tests.SipHosting;

/// <summary>
/// A provider's registrar on a loopback UDP port for unit tests: records every REGISTER and answers each with what
/// <see cref="Answer"/> says (200 echoing the Contact with an expires parameter by default).
/// </summary>
internal sealed class ScriptedProviderRegistrar : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Channel<ReceivedRequest> _requests = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public ScriptedProviderRegistrar()
    {
        _loop = Task.Run(ReceiveAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>Status line and extra headers for a request; volatile so a test can change the script between requests.</summary>
    public volatile Func<ReceivedRequest, (string StatusLine, string[] Headers)> Answer =
        request => ("200 OK", [$"Contact: {request.Header("Contact")};expires=120"]);

    public async Task<ReceivedRequest> NextRequestAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _requests.Reader.ReadAsync(cts.Token);
    }

    private async Task ReceiveAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _socket.ReceiveAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var request = new ReceivedRequest(Encoding.UTF8.GetString(datagram.Buffer));
            if (!request.StartLine.StartsWith("REGISTER ", StringComparison.Ordinal)) continue;
            var (status, headers) = Answer(request);
            var response = new StringBuilder().Append("SIP/2.0 ").Append(status).Append("\r\n");
            foreach (var via in request.Headers("Via")) response.Append("Via: ").Append(via).Append("\r\n");
            response.Append("From: ").Append(request.Header("From")).Append("\r\n")
                .Append("To: ").Append(request.Header("To")).Append(";tag=provider1\r\n")
                .Append("Call-ID: ").Append(request.Header("Call-ID")).Append("\r\n")
                .Append("CSeq: ").Append(request.Header("CSeq")).Append("\r\n");
            foreach (var header in headers) response.Append(header).Append("\r\n");
            response.Append("Content-Length: 0\r\n\r\n");
            await _requests.Writer.WriteAsync(request);
            await _socket.SendAsync(Encoding.UTF8.GetBytes(response.ToString()), datagram.RemoteEndPoint);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _socket.Dispose();
        await _loop;
        _stopping.Dispose();
    }

    /// <summary>One request as text, with its headers read the simple way (tests build the requests, so no folding).</summary>
    internal sealed record ReceivedRequest(string Text)
    {
        public string StartLine => Text[..Text.IndexOf("\r\n", StringComparison.Ordinal)];

        public IEnumerable<string> Headers(string name) =>
            Text.Split("\r\n").Skip(1).TakeWhile(line => line.Length > 0)
                .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                .Select(line => line[(name.Length + 1)..].Trim());

        public string Header(string name) => Headers(name).FirstOrDefault()
            ?? throw new InvalidOperationException($"No {name} header in:\n{Text}");
    }
}
