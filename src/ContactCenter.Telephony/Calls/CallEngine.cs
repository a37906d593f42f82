using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using ContactCenter.Events;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Core;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Telephony.Cdr;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// The B2BUA for one SIP stack: every INVITE from an extension (authenticated) or a trunk (identified by address)
/// becomes a <see cref="Call"/>; the dial plan decides what it rings (every registered contact of an extension in
/// parallel, a service's ring group, a trunk's provider), media anchored in the <see cref="MediaEngine"/>. This class
/// only routes SIP messages to their call by Call-ID; each call processes its messages one at a time on its own queue.
/// </summary>
public sealed class CallEngine : ISipSessionUsage, IDisposable
{
    internal const string AllowHeader = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, REFER, NOTIFY";

    private readonly ConcurrentDictionary<string, Call> _byCallId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Call, byte> _calls = new();
    private readonly ConcurrentDictionary<string, Call> _byId = new(StringComparer.Ordinal);
    private int _disposed;

    // Calls not ended yet. Ended calls stay held (for a 2xx retransmission's ACK) for up to 32 s but hold no media and
    // must not count against MaxCalls: at 1,000 calls/s that is 32,000 of them.
    private int _activeCalls;

    public CallEngine(SipTransactionLayer transactions, ISipSender transport, LocationService location, MediaEngine media,
        Func<string, bool> isExtension, CallEngineOptions options, CdrStore? cdr, IEventBus? events, ISipLog log, TimeProvider time)
    {
        Transactions = transactions ?? throw new ArgumentNullException(nameof(transactions));
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Media = media ?? throw new ArgumentNullException(nameof(media));
        IsExtension = isExtension ?? throw new ArgumentNullException(nameof(isExtension));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Cdr = cdr;
        Events = events;
        Log = new RateLimitedLog(log, time);
        Time = time;
    }

    /// <summary>Dial plans, trunks and DIDs; without it only extension-to-extension calls are routed.</summary>
    public RoutingTable? Routing { get; init; }

    /// <summary>The profile this engine serves: trunks of other profiles are not recognised here.</summary>
    public string? Profile { get; init; }

    /// <summary>Digest for INVITEs from extensions; null falls back to <see cref="CallEngineOptions.RequireRegisteredCaller"/>.</summary>
    public InviteAuthentication? Authentication { get; init; }

    /// <summary>The ACD: DIDs it owns are answered and queued; set once by the host before calls arrive.</summary>
    public ICallQueue? Queue { get; set; }

    /// <summary>Extensions whose answered calls are recorded automatically (made or taken); null records none.</summary>
    public Func<string, bool>? RecordsExtension { get; init; }

    /// <summary>Where recording metadata is stored; null keeps only the files.</summary>
    public Recordings.RecordingStore? Recordings { get; init; }

    public IReadOnlyList<SipMethod> Methods { get; } =
        [SipMethod.Invite, SipMethod.Bye, SipMethod.Update, SipMethod.Info, SipMethod.Refer, SipMethod.Notify];

    public IReadOnlyList<string> ContentTypes { get; } = ["application/dtmf-relay", "application/dtmf", "message/sipfrag"];

    public IReadOnlyList<string> Extensions { get; } = ["replaces"];

    /// <summary>Calls not ended yet.</summary>
    public IReadOnlyCollection<Call> ActiveCalls => _calls.Keys.Where(c => c.State != CallState.Ended).ToArray();

    /// <summary>
    /// Calls still held, ended ones included: an ended call stays until its INVITE client transactions are over (up to
    /// 64*T1 after a 2xx), so that a retransmitted 2xx still gets its ACK.
    /// </summary>
    public int HeldCalls => _calls.Count;

    /// <summary>Raised on the call's queue after its CDR is written and call.ended published.</summary>
    public event Action<Call>? CallEnded;

    internal SipTransactionLayer Transactions { get; }
    internal ISipSender Transport { get; }
    internal LocationService Location { get; }
    internal MediaEngine Media { get; }
    internal Func<string, bool> IsExtension { get; }
    internal CallEngineOptions Options { get; }
    internal CdrStore? Cdr { get; }
    internal IEventBus? Events { get; }
    internal RateLimitedLog Log { get; }
    internal TimeProvider Time { get; }

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var callId = request.CallIdString;
        if (request.Method == SipMethod.Invite && !request.HasToTag)
        {
            OnNewInvite(transaction);
            return;
        }
        if (_byCallId.TryGetValue(callId, out var existing)) existing.Post(() => existing.OnInDialogRequest(transaction));
        else transaction.SendResponse(481, "Call/Transaction Does Not Exist");
    }

    private void OnNewInvite(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (Volatile.Read(ref _disposed) != 0 || Volatile.Read(ref _activeCalls) >= Options.MaxCalls || IsBehind())
        {
            transaction.SendResponse(SipResponseFactory.Create(request, 503, "Service Unavailable", Encoding.ASCII.GetBytes(transaction.LocalTag))
                .Header(HeaderId.RetryAfter, Options.RetryAfterSeconds).Finish());
            return;
        }
        if (_byCallId.ContainsKey(request.CallIdString))
        {
            // A second INVITE with a Call-ID we already hold and no To tag: a loop or a fork reaching us twice.
            transaction.SendResponse(482, "Loop Detected");
            return;
        }
        var trunk = IdentifyTrunk(request);
        if (trunk is null && Authentication is { } authentication)
        {
            if (!authentication.TryAuthenticate(transaction, out var user)) return;
            if (!string.Equals(user, FromUser(request), StringComparison.Ordinal))
            {
                transaction.SendResponse(403, "Credentials Do Not Match The Caller");
                return;
            }
        }
        if (request.TryGetHeader(HeaderId.Replaces, out var replacesValue))
        {
            if (!ReplacesTarget.TryParse(Encoding.UTF8.GetString(replacesValue.Span), out var replaces) ||
                !_byCallId.TryGetValue(replaces.CallId, out var replaced))
            {
                transaction.SendResponse(481, "Call/Transaction Does Not Exist");
                return;
            }
            replaced.Post(() => replaced.OnReplacingInvite(transaction, replaces));
            return;
        }
        var call = new Call(this, request.CallIdString);
        if (!_byCallId.TryAdd(request.CallIdString, call))
        {
            transaction.SendResponse(482, "Loop Detected");
            return;
        }
        _calls.TryAdd(call, 0);
        _byId[call.Id] = call;
        Interlocked.Increment(ref _activeCalls);
        call.Start(transaction, trunk);
    }

    /// <summary>The trunk whose provider sent this request (by source address), if it belongs to this engine's profile.</summary>
    private Trunk? IdentifyTrunk(SipMessage request)
    {
        if (Routing is null || request.Source is not { } source) return null;
        var trunk = Routing.IdentifyTrunk(source.RemoteEndPoint.Address);
        if (trunk is null || (Profile is not null && trunk.Profile != Profile)) return null;
        return trunk;
    }

    private static string FromUser(SipMessage request) =>
        request.TryGetHeader(HeaderId.From, out var from) && NameAddress.TryParse(from, out var address) ? address.Uri.UserString : "";

    public void OnCancel(ServerTransaction invite, SipMessage cancel)
    {
        // The CANCEL's Call-ID is the INVITE's (§9.1); the INVITE's own request may already be released by its 2xx.
        if (_byCallId.TryGetValue(cancel.CallIdString, out var call)) call.Post(() => call.OnCallerCancel(invite));
        else invite.SendResponse(487, "Request Terminated");
    }

    public void OnAck(SipMessage ack)
    {
        if (_byCallId.TryGetValue(ack.CallIdString, out var call)) call.Post(() => call.OnAck(ack));
    }

    public void OnStrayResponse(SipMessage response)
    {
        if (_byCallId.TryGetValue(response.CallIdString, out var call)) call.Post(() => call.OnStrayResponse(response));
        else Log.Write(SipLogLevel.Debug, "calls", () => $"Response {response.StatusCode} for no call; discarded");
    }

    /// <summary>The call that holds a leg with this SIP Call-ID.</summary>
    public bool TryFindCall(string sipCallId, [MaybeNullWhen(false)] out Call call) => _byCallId.TryGetValue(sipCallId, out call);

    /// <summary>A call by our id (CDR/event id).</summary>
    public Call? FindCall(string id) => _byId.TryGetValue(id, out var call) ? call : null;

    // Engine commands (ACD, CTI). Each runs on the call's queue; an unknown or ended call gives call_not_found.

    public Task<CallCommandResult> HangUpAsync(string callId) => Run(callId, c => c.HangUpCommand());

    public Task<CallCommandResult> HoldAsync(string callId, string party) => Run(callId, c => c.HoldCommand(party));

    public Task<CallCommandResult> RetrieveAsync(string callId, string party) => Run(callId, c => c.RetrieveCommand(party));

    public Task<CallCommandResult> SendDtmfAsync(string callId, string party, string digits) => Run(callId, c => c.SendDtmfCommand(party, digits));

    public Task<CallCommandResult> BlindTransferAsync(string callId, string party, string target) =>
        Run(callId, c => c.BlindTransferCommand(party, target));

    public Task<CallCommandResult> StartRecordingAsync(string callId) => Run(callId, c => c.StartRecordingCommand());

    public Task<CallCommandResult> StopRecordingAsync(string callId) => Run(callId, c => c.StopRecordingCommand());

    public Task<CallCommandResult> PauseRecordingAsync(string callId) => Run(callId, c => c.PauseRecordingCommand(pause: true));

    public Task<CallCommandResult> ResumeRecordingAsync(string callId) => Run(callId, c => c.PauseRecordingCommand(pause: false));

    /// <summary>
    /// Click-to-dial: calls <paramref name="extension"/> (auto-answer headers when <paramref name="mode"/> is automatic,
    /// answered after <paramref name="answerDelay"/>), then <paramref name="destination"/> by the extension's dial plan,
    /// and bridges them. The result carries the new call's id in <see cref="CallCommandResult.CallId"/>.
    /// </summary>
    public Task<CallCommandResult> OriginateAsync(string extension, string destination, AnswerMode mode = AnswerMode.Automatic,
        TimeSpan answerDelay = default)
    {
        if (Volatile.Read(ref _disposed) != 0 || Volatile.Read(ref _activeCalls) >= Options.MaxCalls)
            return Task.FromResult(CallCommandResult.Fail("engine_overloaded", "The engine takes no more calls now; retry later."));
        var call = new Call(this, "originate-" + Guid.NewGuid().ToString("N"));
        _calls.TryAdd(call, 0);
        _byId[call.Id] = call;
        Interlocked.Increment(ref _activeCalls);
        var host = LocalEndPoint(SipTransportKind.Udp)?.Address.ToString() ?? "cc";
        return call.RunAsync(() =>
        {
            var result = call.StartOriginate(extension, destination, mode, answerDelay, host);
            return result with { CallId = call.Id };
        });
    }

    /// <summary>
    /// Consultation: <paramref name="party"/> (the agent) talks to <paramref name="target"/> while its partner hears
    /// music; then <see cref="CompleteConsultAsync"/>, <see cref="CancelConsultAsync"/> or <see cref="ConferenceConsultAsync"/>.
    /// </summary>
    public Task<CallCommandResult> ConsultAsync(string callId, string party, string target) => Run(callId, c => c.ConsultCommand(party, target));

    public Task<CallCommandResult> CompleteConsultAsync(string callId, string party) => Run(callId, c => c.CompleteConsultCommand(party));

    public Task<CallCommandResult> CancelConsultAsync(string callId, string party) => Run(callId, c => c.CancelConsultCommand(party));

    public Task<CallCommandResult> ConferenceConsultAsync(string callId, string party) => Run(callId, c => c.ConferenceConsultCommand(party));

    /// <summary>Merges the consult call into this one as a three-way conference (<paramref name="party"/> is in both).</summary>
    public Task<CallCommandResult> ConferenceAsync(string callId, string consultCallId, string party) =>
        FindCall(consultCallId) is { } consult
            ? Run(callId, c => c.MergeCommand(consult, party))
            : Task.FromResult(CallCommandResult.Fail("call_not_found", "No call in progress has the consult call's id."));

    /// <summary>Dials <paramref name="target"/> into the call's conference (routed as <paramref name="byParty"/> dials).</summary>
    public Task<CallCommandResult> AddParticipantAsync(string callId, string target, string byParty) =>
        Run(callId, c => c.AddParticipantCommand(target, byParty));

    public Task<CallCommandResult> DropParticipantAsync(string callId, string party) => Run(callId, c => c.DropParticipantCommand(party));

    // ACD delivery: offer a queued call to an agent's extension, accept (manual mode), withdraw, give it back.

    public Task<CallCommandResult> OfferToAgentAsync(string callId, string agentId, string extension, AnswerMode mode, TimeSpan answerDelay,
        TimeSpan timeout, bool record = false) => Run(callId, c => c.OfferCommand(agentId, extension, mode, answerDelay, timeout, record));

    /// <summary>ACD-08: back to a queue (transfer, release): the agent is hung up, the caller hears music again.</summary>
    public Task<CallCommandResult> RequeueAsync(string callId, string serviceId) => Run(callId, c => c.RequeueCommand(serviceId));

    /// <summary>Plays a queue announcement (position, expected wait) to a waiting caller, then the music again.</summary>
    public Task<CallCommandResult> AnnounceAsync(string callId, int? position, int? expectedWaitSeconds) =>
        Run(callId, c => c.AnnounceCommand(position, expectedWaitSeconds));

    public Task<CallCommandResult> AcceptOfferAsync(string callId, string agentId, string extension) =>
        Run(callId, c => c.AcceptOfferCommand(agentId, extension));

    public Task<CallCommandResult> WithdrawOfferAsync(string callId, string agentId) => Run(callId, c => c.WithdrawOfferCommand(agentId));

    public Task<CallCommandResult> ReleaseQueuedAsync(string callId, string reason) => Run(callId, c => c.ReleaseQueuedCommand(reason));

    private Task<CallCommandResult> Run(string callId, Func<Call, CallCommandResult> command) =>
        FindCall(callId) is { } call ? call.RunAsync(() => command(call)) : Task.FromResult(CallCommandResult.CallNotFound);

    internal void Index(string sipCallId, Call call) => _byCallId[sipCallId] = call;

    /// <summary>Our address on a transport, for Via and Contact of requests we originate (trunk calls).</summary>
    internal IPEndPoint? LocalEndPoint(SipTransportKind transport) =>
        Transport is SipTransportLayer layer ? layer.LocalEndPoints.FirstOrDefault(e => e.Transport == transport)?.EndPoint : null;

    /// <summary>The call is over and nothing can arrive for it any more: forget its Call-IDs.</summary>
    internal void Release(Call call)
    {
        _calls.TryRemove(call, out _);
        _byId.TryRemove(call.Id, out _);
        _byCallId.TryRemove(new KeyValuePair<string, Call>(call.CallerCallId, call));
        foreach (var id in call.SipCallIds) _byCallId.TryRemove(new KeyValuePair<string, Call>(id, call));
    }

    private long _rtpTimeouts;

    /// <summary>Calls (or conference members) ended because their RTP stopped, since start (the RTP-timeout alarm's input).</summary>
    public long RtpTimeouts => Interlocked.Read(ref _rtpTimeouts);

    internal void CountRtpTimeout() => Interlocked.Increment(ref _rtpTimeouts);

    /// <summary>A call stopped counting against MaxCalls (it ended, or a command to create it was refused).</summary>
    internal void CallInactive() => Interlocked.Decrement(ref _activeCalls);

    private int _pendingWork;
    private long _refusedBehind;

    /// <summary>Call work queued and not yet run, across all calls (see <see cref="CallEngineOptions.MaxPendingWork"/>).</summary>
    public int PendingWork => Volatile.Read(ref _pendingWork);

    /// <summary>New calls refused with 503 because the engine was behind (<see cref="CallEngineOptions.MaxPendingWork"/>).</summary>
    public long RefusedWhileBehind => Interlocked.Read(ref _refusedBehind);

    internal void WorkQueued() => Interlocked.Increment(ref _pendingWork);

    internal void WorkRan() => Interlocked.Decrement(ref _pendingWork);

    // Checked on the receive thread before a call is made for the INVITE: refusing costs one response, no call.
    private bool IsBehind()
    {
        if (Volatile.Read(ref _pendingWork) <= Options.MaxPendingWork) return false;
        if (Interlocked.Increment(ref _refusedBehind) % 1000 == 1)
            Log.Write(SipLogLevel.Warning, "calls", () => $"Engine behind: {PendingWork} work items queued (limit {Options.MaxPendingWork}); new calls get 503 ({RefusedWhileBehind} so far)");
        return true;
    }

    internal void RaiseEnded(Call call)
    {
        CallInactive();
        try
        {
            CallEnded?.Invoke(call);
        }
        catch (Exception ex)
        {
            Log.Write(SipLogLevel.Error, "calls", () => "CallEnded handler failed", ex);
        }
    }

    /// <summary>Ends every call (BYE to both sides) and stops accepting new ones.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var call in _calls.Keys) call.Post(call.Shutdown);
    }
}
