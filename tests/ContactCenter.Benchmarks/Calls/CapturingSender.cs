using System.Collections.Concurrent;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>
/// The network of <see cref="InProcessCallDriver"/>: what the server sends is queued as it was written (no copy, no
/// parse), and the driver takes it in order. Responses go back to where the request came from.
/// </summary>
internal sealed class CapturingSender : ISipSender
{
    private readonly ConcurrentQueue<(ReadOnlyMemory<byte> Bytes, SipDestination Destination)> _sent = new();
    private readonly SemaphoreSlim _available = new(0);

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        _sent.Enqueue((message, destination));
        _available.Release();
        return true;
    }

    public SipDestination ResponseDestination(SipMessage request) =>
        new(request.Source!.Transport, request.Source.RemoteEndPoint, request.Source.ConnectionId);

    /// <summary>The next message sent whose start line begins with <paramref name="startLine"/>; the others are skipped.</summary>
    /// <exception cref="TimeoutException">Nothing matching within 5 s: the call path is stuck or changed.</exception>
    public ReadOnlyMemory<byte> Next(ReadOnlySpan<byte> startLine)
    {
        while (true)
        {
            if (!_available.Wait(TimeSpan.FromSeconds(5)))
                throw new TimeoutException($"The server sent no '{System.Text.Encoding.ASCII.GetString(startLine)}…' within 5 s.");
            _sent.TryDequeue(out var sent);
            if (sent.Bytes.Span.StartsWith(startLine)) return sent.Bytes;
        }
    }

    /// <summary>The next message starting with either prefix; <paramref name="isFirst"/> tells which.</summary>
    /// <exception cref="TimeoutException">Nothing matching within 5 s.</exception>
    public ReadOnlyMemory<byte> NextEither(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out bool isFirst)
    {
        while (true)
        {
            if (!_available.Wait(TimeSpan.FromSeconds(5)))
                throw new TimeoutException($"The server sent neither '{System.Text.Encoding.ASCII.GetString(first)}…' nor '{System.Text.Encoding.ASCII.GetString(second)}…' within 5 s.");
            _sent.TryDequeue(out var sent);
            isFirst = sent.Bytes.Span.StartsWith(first);
            if (isFirst || sent.Bytes.Span.StartsWith(second)) return sent.Bytes;
        }
    }

    /// <summary>Drops whatever is queued (between runs).</summary>
    public void Clear()
    {
        while (_available.Wait(0)) _sent.TryDequeue(out _);
    }
}
