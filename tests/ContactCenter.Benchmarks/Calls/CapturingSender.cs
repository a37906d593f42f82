using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>
/// The network of <see cref="InProcessCallDriver"/>: what the server sends is queued as it was written (no copy, no
/// parse) for the peer it is addressed to, and that peer's driver takes it in order. Responses go back to where the
/// request came from.
/// </summary>
internal sealed class CapturingSender : ISipSender
{
    private readonly ConcurrentDictionary<IPEndPoint, Inbox> _inboxes = new();

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        if (!_inboxes.TryGetValue(destination.EndPoint, out var inbox)) return true; // nobody listens there (RTCP, …)
        inbox.Messages.Enqueue(message);
        inbox.Available.Release();
        return true;
    }

    public SipDestination ResponseDestination(SipMessage request) =>
        new(request.Source!.Transport, request.Source.RemoteEndPoint, request.Source.ConnectionId);

    /// <summary>Where the messages sent to <paramref name="peers"/> are queued (one driver's trunk and phone).</summary>
    public Inbox Listen(params IPEndPoint[] peers)
    {
        var inbox = new Inbox();
        foreach (var peer in peers) _inboxes[peer] = inbox;
        return inbox;
    }

    internal sealed class Inbox
    {
        internal readonly ConcurrentQueue<ReadOnlyMemory<byte>> Messages = new();
        internal readonly SemaphoreSlim Available = new(0);

        /// <summary>The next message starting with <paramref name="startLine"/>; the others are skipped.</summary>
        /// <exception cref="TimeoutException">Nothing matching within 5 s: the call path is stuck or changed.</exception>
        public ReadOnlyMemory<byte> Next(ReadOnlySpan<byte> startLine) => NextEither(startLine, startLine, out _);

        /// <summary>The next message starting with either prefix; <paramref name="isFirst"/> tells which.</summary>
        /// <exception cref="TimeoutException">Nothing matching within 5 s.</exception>
        public ReadOnlyMemory<byte> NextEither(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out bool isFirst)
        {
            while (true)
            {
                if (!Available.Wait(TimeSpan.FromSeconds(5)))
                    throw new TimeoutException($"The server sent neither '{System.Text.Encoding.ASCII.GetString(first)}…' nor '{System.Text.Encoding.ASCII.GetString(second)}…' within 5 s.");
                Messages.TryDequeue(out var sent);
                isFirst = sent.Span.StartsWith(first);
                if (isFirst || sent.Span.StartsWith(second)) return sent;
            }
        }
    }
}
