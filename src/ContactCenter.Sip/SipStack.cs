using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Core;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip;

/// <summary>
/// One profile's SIP stack, layers wired bottom-up: transports → transactions → UAS core → usages (registrar).
/// The location service is shared so every profile registers into the same directory of contacts.
/// </summary>
public sealed class SipStack : IAsyncDisposable
{
    public SipStack(SipStackOptions options, ISipCredentialStore credentials, LocationService location, ISipLog log, TimeProvider time)
    {
        Options = options;
        var nonces = new NonceService(time, options.NonceLifetime);
        Limiter = new AuthFailureLimiter(time, options.AuthFailures);
        var authenticator = Authenticator = new DigestAuthenticator(credentials, nonces, new NonceCountTracker(time, options.NonceLifetime), Limiter,
            new DigestAuthenticatorOptions { ChallengeAlgorithms = options.DigestAlgorithms },
            message => log.Write(SipLogLevel.Warning, "sip.auth", message));
        Registrar = new RegistrarUsage(options.Registrar, location, authenticator, time, log);
        Core = new SipServerCore(options.Capabilities, Registrar, log, time);
        Transport = new SipTransportLayer(options.Transport, log, time);
        Transactions = new SipTransactionLayer(Transport, time, options.Timers, Core, options.MaxServerTransactions,
            onCallbackError: ex => log.Write(SipLogLevel.Error, "sip.transactions", "Transaction callback failed", ex));
    }

    public SipStackOptions Options { get; }
    public SipTransportLayer Transport { get; }
    public SipTransactionLayer Transactions { get; }
    public SipServerCore Core { get; }
    public RegistrarUsage Registrar { get; }
    public AuthFailureLimiter Limiter { get; }

    /// <summary>The Digest verifier the registrar uses; the call engine challenges INVITEs with it too (same realm, nonces, limits).</summary>
    public DigestAuthenticator Authenticator { get; }

    public IReadOnlyList<SipListenEndpoint> LocalEndPoints => Transport.LocalEndPoints;

    /// <summary>Binds the sockets and starts receiving.</summary>
    public void Start() => Transport.Start(Transactions);

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync();
        Transactions.Dispose();
    }
}
