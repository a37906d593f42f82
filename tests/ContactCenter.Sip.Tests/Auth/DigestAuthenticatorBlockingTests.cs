using System.Net;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestAuthenticatorBlockingTests
{
    private static readonly IPAddress Scanner = IPAddress.Parse("203.0.113.99");

    [Fact]
    public void Repeated_wrong_passwords_block_the_source_log_once_and_unblock_later()
    {
        var f = new AuthenticatorFixture(); // 3 failures within 1 minute block for 10 minutes

        Assert.False(f.Send(f.Authorization(f.Challenge(), password: "a"), Scanner).BlockStarted);
        Assert.False(f.Send(f.Authorization(f.Challenge(), user: "nobody"), Scanner).BlockStarted);
        DigestAuthenticationResult third = f.Send(f.Authorization(f.Challenge(), password: "c"), Scanner);

        Assert.Equal(DigestAuthenticationOutcome.Rejected, third.Outcome);
        Assert.True(third.BlockStarted);
        string line = Assert.Single(f.Log);
        Assert.Contains("203.0.113.99", line);
        Assert.Contains("WrongPassword", line);

        // Blocked: even the right password and a challenge request get nothing.
        Assert.Equal(DigestAuthenticationOutcome.Blocked, f.Send(f.Authorization(f.Challenge()), Scanner).Outcome);
        Assert.Equal(DigestAuthenticationOutcome.Blocked, f.Send(null, Scanner).Outcome);
        Assert.True(f.Send(f.Authorization(f.Challenge())).IsAuthenticated); // other sources are unaffected
        Assert.Single(f.Log);

        f.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.True(f.Send(f.Authorization(f.Challenge()), Scanner).IsAuthenticated);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var f = new AuthenticatorFixture();

        f.Send(f.Authorization(f.Challenge(), password: "a"), Scanner);
        f.Send(f.Authorization(f.Challenge(), password: "b"), Scanner);
        Assert.True(f.Send(f.Authorization(f.Challenge()), Scanner).IsAuthenticated);
        f.Send(f.Authorization(f.Challenge(), password: "c"), Scanner);
        f.Send(f.Authorization(f.Challenge(), password: "d"), Scanner);

        Assert.False(f.Limiter.IsBlocked(Scanner));
    }

    [Fact]
    public void Challenges_and_stale_nonces_are_not_failures()
    {
        var f = new AuthenticatorFixture();
        string old = f.Challenge();
        f.Time.Advance(TimeSpan.FromMinutes(6));

        for (int i = 0; i < 10; i++)
        {
            f.Send(null, Scanner);
            f.Send("NoOneKnowsThisScheme opaque-data=here", Scanner);
            f.Send(f.Authorization(old), Scanner);
            f.Send(f.Authorization("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Scanner);
        }

        Assert.False(f.Limiter.IsBlocked(Scanner));
    }

    [Fact]
    public void Replays_count_as_failures()
    {
        var f = new AuthenticatorFixture();
        string captured = f.Authorization(f.Challenge());
        Assert.True(f.Send(captured).IsAuthenticated);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(DigestRejectReason.NonceCountReplay, f.Send(captured, Scanner).Reason);
        }

        Assert.True(f.Limiter.IsBlocked(Scanner));
    }

    [Fact]
    public void Usernames_in_the_block_log_cannot_inject_lines()
    {
        var f = new AuthenticatorFixture();

        for (int i = 0; i < 3; i++)
        {
            f.Send(f.Authorization(f.Challenge(), user: "evil\r\nFAKE LOG LINE" + new string('x', 200)), Scanner);
        }

        string line = Assert.Single(f.Log);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.True(line.Length < 400, line);
    }

    [Fact]
    public void Without_a_limiter_nothing_is_blocked()
    {
        var f = new AuthenticatorFixture();
        var authenticator = new DigestAuthenticator(f.Store, f.Nonces, f.NonceCounts);

        for (int i = 0; i < 20; i++)
        {
            string authorization = f.Authorization(f.Challenge(), password: "wrong");
            DigestAuthenticationResult result = authenticator.Authenticate(
                "REGISTER"u8, "sip:example.com"u8, AuthenticatorFixture.Realm, Scanner, System.Text.Encoding.UTF8.GetBytes(authorization));
            Assert.Equal(DigestRejectReason.WrongPassword, result.Reason);
            Assert.False(result.BlockStarted);
        }
    }
}
