using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>
/// An <see cref="ISipSender"/> under a client transaction layer that plays a registrar from a script: every request
/// sent is recorded, and the script's answer (null: none) is delivered back to the layer on another thread, as a
/// transport's receive loop would.
/// </summary>
internal sealed class ScriptedRegistrar : ISipSender
{
    private readonly Lock _gate = new();
    private readonly List<SipMessage> _requests = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedRegistrar(Func<SipMessage, int, byte[]?> script) => Script = script;

    /// <summary>Gets each request and its 1-based number; returns the response bytes or null to stay silent.</summary>
    public Func<SipMessage, int, byte[]?> Script { get; set; }

    public SipTransactionLayer? Layer { get; set; }

    public IReadOnlyList<SipMessage> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        Assert.True(SipMessageParser.TryParse(message.ToArray(), out var request, out var error), error.ToString());
        TaskCompletionSource changed;
        int number;
        lock (_gate)
        {
            _requests.Add(request!);
            number = _requests.Count;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        var response = Script(request!, number);
        if (response is not null)
        {
            var layer = Layer ?? throw new InvalidOperationException("Layer not set");
            _ = Task.Run(() => layer.OnMessage(ClientTestMessages.Parse(response)));
        }
        changed.TrySetResult();
        return true;
    }

    public SipDestination ResponseDestination(SipMessage request) => throw new NotSupportedException("The client receives no requests here.");

    /// <summary>Waits (without sleeping) until at least <paramref name="count"/> requests were sent.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_requests.Count >= count) return;
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Expected {count} requests, saw {Requests.Count}.");
            await changed.WaitAsync(left);
        }
    }

    /// <summary>A response to <paramref name="request"/> with a To tag and the given extra header lines.</summary>
    public static byte[] Answer(SipMessage request, int status, string reason, params string[] headers)
    {
        var writer = SipResponseFactory.Create(request, status, reason, "scripted"u8);
        foreach (var h in headers)
        {
            int colon = h.IndexOf(':');
            writer.Header(Encoding.ASCII.GetBytes(h[..colon]), h[(colon + 1)..].Trim());
        }
        return writer.Finish();
    }
}
