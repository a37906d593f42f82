using System.Net;
using System.Net.Sockets;
using ContactCenter.Events;
using ContactCenter.Server.SipHosting;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.Telephony.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Server.Tests.SipHosting;

/// <summary>
/// A trunk's registration to its provider on a loopback registrar, every timer on a fake clock: the REGISTER it sends,
/// trunk.* events on transitions only, the status the health check and the CTI API read, unregistration on stop.
/// </summary>
public sealed class TrunkRegistrationTests
{
    [Fact]
    public async Task Registers_as_the_account_publishes_trunk_registered_and_refreshes_without_an_event()
    {
        await using var h = new TrunkRegistrationHarness();
        h.Registration.Start();

        var register = await h.Registrar.NextRequestAsync();
        Assert.Equal($"REGISTER sip:127.0.0.1:{h.Registrar.EndPoint.Port} SIP/2.0", register.StartLine);
        Assert.Equal("<sip:acct-1@127.0.0.1>", register.Header("To"));
        Assert.StartsWith("<sip:acct-1@127.0.0.1>;tag=", register.Header("From"));
        Assert.Equal($"<sip:acct-1@127.0.0.1:{h.LocalPort}>", register.Header("Contact"));
        Assert.Equal("600", register.Header("Expires"));
        Assert.Equal("ContactCenter", register.Header("User-Agent"));
        Assert.StartsWith($"SIP/2.0/UDP 127.0.0.1:{h.LocalPort};", register.Header("Via"));

        var up = await h.NextEventAsync(EventTypes.TrunkRegistered);
        Assert.Equal(("carrier-1", "office", "registered", true, false, 200), (up.Trunk, up.Profile, up.State, up.Up, up.WasUp, up.StatusCode));
        Assert.Equal($"udp:127.0.0.1:{h.Registrar.EndPoint.Port}", up.Registrar);
        Assert.Equal(TrunkRegistrationHarness.Start.AddSeconds(120), up.ExpiresAt); // granted 120 of the 600 asked
        Assert.True(h.Registry.TryGet("carrier-1", out var status));
        Assert.True(status.Up);
        Assert.Equal(120, status.GrantedExpires);
        Assert.Equal(TrunkRegistrationHarness.Start.AddSeconds(120), status.ExpiresAt);
        Assert.Equal(TrunkRegistrationHarness.Start.AddSeconds(88), status.NextAttemptAt); // 120 - min(32, 60)
        Assert.Null(status.LastError);

        // The refresh goes out 32 s before the binding ends, as the same registration (Call-ID, next CSeq).
        h.Time.Advance(TimeSpan.FromSeconds(88));
        var refresh = await h.Registrar.NextRequestAsync();
        Assert.Equal(register.Header("Call-ID"), refresh.Header("Call-ID"));
        Assert.Equal("2 REGISTER", refresh.Header("CSeq"));
        var refreshed = await h.StatusWhenAsync(s => s.NextAttemptAt == TrunkRegistrationHarness.Start.AddSeconds(88 + 88));
        Assert.Equal(TrunkRegistrationHarness.Start.AddSeconds(88 + 120), refreshed.ExpiresAt);
        Assert.True(refreshed.Up);
        h.NoMoreEvents(); // still up: a refresh is no news
    }

    [Fact]
    public async Task A_refresh_answered_403_takes_the_trunk_down_with_the_cause_and_the_health_check_degrades()
    {
        await using var h = new TrunkRegistrationHarness();
        var health = new TrunkRegistrationHealthCheck(h.Registry);
        h.Registration.Start();
        await h.Registrar.NextRequestAsync();
        await h.NextEventAsync(EventTypes.TrunkRegistered);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        h.Registrar.Answer = _ => ("403 Forbidden", []);
        h.Time.Advance(TimeSpan.FromSeconds(88));
        await h.Registrar.NextRequestAsync();

        var down = await h.NextEventAsync(EventTypes.TrunkRegistrationFailed);
        Assert.Equal(("failed", false, true, 403, "Forbidden"), (down.State, down.Up, down.WasUp, down.StatusCode, down.Reason));
        Assert.Null(down.ExpiresAt);
        var status = h.Registration.Status;
        Assert.Equal(RegistrationState.Failed, status.State);
        Assert.Equal("403 Forbidden", status.LastError);
        Assert.Equal(0, status.GrantedExpires);
        // Retried after 30 s less up to 20 % jitter.
        var retryIn = status.NextAttemptAt!.Value - h.Time.GetUtcNow();
        Assert.InRange(retryIn, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(30));

        var report = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal("0 of 1 trunk(s) registered; down: carrier-1 failed (403 Forbidden)", report.Description);

        // A failed retry is no news either; the trunk comes back up with the next accepted one.
        h.Time.Advance(retryIn);
        await h.Registrar.NextRequestAsync();
        var stillDown = await h.StatusWhenAsync(s => s.NextAttemptAt is { } next && next > h.Time.GetUtcNow());
        Assert.Equal(RegistrationState.Failed, stillDown.State);
        h.NoMoreEvents();
        h.Registrar.Answer = request => ("200 OK", [$"Contact: {request.Header("Contact")};expires=300"]);
        h.Time.Advance(stillDown.NextAttemptAt!.Value - h.Time.GetUtcNow());
        await h.Registrar.NextRequestAsync();
        var back = await h.NextEventAsync(EventTypes.TrunkRegistered);
        Assert.Equal((true, false), (back.Up, back.WasUp));
        Assert.Equal("403 Forbidden", h.Registration.Status.LastError); // kept for the operator
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Stop_removes_the_binding_with_expires_0_and_publishes_trunk_unregistered()
    {
        await using var h = new TrunkRegistrationHarness();
        h.Registration.Start();
        var register = await h.Registrar.NextRequestAsync();
        await h.NextEventAsync(EventTypes.TrunkRegistered);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stop = h.Registration.StopAsync(cts.Token);
        var unregister = await h.Registrar.NextRequestAsync();
        await stop;

        Assert.Equal("0", unregister.Header("Expires"));
        Assert.Equal(register.Header("Call-ID"), unregister.Header("Call-ID"));
        Assert.Equal(register.Header("Contact"), unregister.Header("Contact"));
        var gone = await h.NextEventAsync(EventTypes.TrunkUnregistered);
        Assert.Equal(("unregistered", false, true, 200), (gone.State, gone.Up, gone.WasUp, gone.StatusCode));
        Assert.Equal(RegistrationState.Unregistered, h.Registration.Status.State);
        Assert.Null(h.Registration.Status.NextAttemptAt);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_down_and_retried_until_it_does()
    {
        int lookups = 0;
        IPAddress[]? answer = null;
        await using var h = new TrunkRegistrationHarness(
            registrar => TrunkRegistrationHarness.DefaultOutbound(registrar) with { Host = "sip.carrier.example" },
            resolve: (host, _) =>
            {
                Assert.Equal("sip.carrier.example", host);
                Interlocked.Increment(ref lookups);
                return answer is null ? Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)) : Task.FromResult(answer);
            });
        h.Registration.Start();

        var down = await h.NextEventAsync(EventTypes.TrunkRegistrationFailed);
        Assert.Equal((false, false, 0), (down.Up, down.WasUp, down.StatusCode));
        Assert.Contains("sip.carrier.example", down.Reason);
        var status = await h.StatusWhenAsync(s => s.NextAttemptAt is not null);
        Assert.Null(status.Registrar);
        Assert.Equal(1, lookups);

        answer = [IPAddress.Loopback];
        h.Time.Advance(status.NextAttemptAt!.Value - h.Time.GetUtcNow());
        var register = await h.Registrar.NextRequestAsync();
        Assert.Equal($"REGISTER sip:sip.carrier.example:{h.Registrar.EndPoint.Port} SIP/2.0", register.StartLine);
        Assert.Equal("<sip:acct-1@sip.carrier.example>", register.Header("To"));
        var up = await h.NextEventAsync(EventTypes.TrunkRegistered);
        Assert.Equal($"udp:127.0.0.1:{h.Registrar.EndPoint.Port}", up.Registrar);
        Assert.Equal(2, lookups);
    }

    [Fact]
    public async Task A_tcp_trunk_on_a_profile_without_a_tcp_listener_fails_once_and_is_not_retried()
    {
        await using var h = new TrunkRegistrationHarness(
            registrar => TrunkRegistrationHarness.DefaultOutbound(registrar) with { Transport = TrunkTransport.Tcp });
        h.Registration.Start();

        var down = await h.NextEventAsync(EventTypes.TrunkRegistrationFailed);
        Assert.Equal("profile office has no tcp listener for IPv4 to register trunk carrier-1 to 127.0.0.1", down.Reason);
        Assert.Null(h.Registration.Status.NextAttemptAt);
    }

    [Fact]
    public async Task FromUser_and_FromDomain_name_the_address_of_record()
    {
        await using var h = new TrunkRegistrationHarness(
            registrar => TrunkRegistrationHarness.DefaultOutbound(registrar) with { FromUser = "+551140001234", FromDomain = "carrier.example" });
        h.Registration.Start();

        var register = await h.Registrar.NextRequestAsync();
        Assert.Equal("<sip:+551140001234@carrier.example>", register.Header("To"));
        Assert.Equal($"<sip:+551140001234@127.0.0.1:{h.LocalPort}>", register.Header("Contact"));
        await h.NextEventAsync(EventTypes.TrunkRegistered);
    }

    [Fact]
    public void A_wildcard_listener_names_the_local_address_routed_to_the_provider()
    {
        var listener = new ContactCenter.Sip.Transport.SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Any, 5060));
        Assert.Equal(IPAddress.Loopback, TrunkRegistrarAddressing.LocalAddressFor(listener, new IPEndPoint(IPAddress.Loopback, 5080)));
        var bound = new ContactCenter.Sip.Transport.SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 5060));
        Assert.Equal(IPAddress.Parse("127.0.0.2"), TrunkRegistrarAddressing.LocalAddressFor(bound, new IPEndPoint(IPAddress.Loopback, 5080)));
    }

    [Fact]
    public async Task The_health_check_is_healthy_when_no_trunk_registers()
    {
        var report = await new TrunkRegistrationHealthCheck(new TrunkStatusRegistry()).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("no trunk registers", report.Description);
    }
}
