using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip.Tests.Usages;

public sealed class RegistrarUsageTests : IDisposable
{
    private readonly RegistrarHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Register_without_credentials_is_challenged_with_a_tagged_401()
    {
        var response = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001")));
        Assert.Equal(401, response.StatusCode);
        Assert.Contains("algorithm=MD5", response.GetHeaderString(HeaderId.WwwAuthenticate));
        Assert.Contains("realm=\"test.realm\"", response.GetHeaderString(HeaderId.WwwAuthenticate));
        Assert.True(response.HasToTag);
        Assert.Equal(0, _h.Location.Count);
    }

    [Fact]
    public void Right_password_binds_the_contact_and_lists_it_in_the_200()
    {
        var response = _h.Register("1001", "s3cret-1001");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:1001@192.0.2.10:5062>;expires=3600", response.GetHeaderString(HeaderId.Contact));
        var binding = Assert.Single(_h.Location.Lookup("1001"));
        Assert.Equal("sip:1001@192.0.2.10:5062", binding.ContactUri);
        Assert.Equal(5062, binding.Source.RemoteEndPoint.Port);
        Assert.Equal(RegistrationEventKind.Added, Assert.Single(_h.Events).Kind);
    }

    [Fact]
    public void Wrong_password_is_forbidden_and_repeated_failures_block_the_source_until_the_block_ends()
    {
        for (int i = 0; i < 3; i++) Assert.Equal(403, _h.Register("1001", "guess" + i).StatusCode);
        // Blocked now: even the right password is refused.
        var blocked = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001")));
        Assert.Equal(403, blocked.StatusCode);
        Assert.Equal(0, _h.Location.Count);

        _h.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(200, _h.Register("1001", "s3cret-1001").StatusCode);
    }

    [Fact]
    public void Unknown_extension_looks_like_a_wrong_password()
    {
        Assert.Equal(403, _h.Register("9999", "whatever").StatusCode);
    }

    [Fact]
    public void Credentials_of_another_extension_cannot_register_this_one()
    {
        var challenge = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001")));
        var auth = RegistrarHarness.Authorize(challenge, "1002", "s3cret-1002");
        var response = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001", authorization: auth)));
        Assert.Equal(403, response.StatusCode);
        Assert.Equal(0, _h.Location.Count);
    }

    [Fact]
    public void Too_brief_interval_gets_423_with_min_expires()
    {
        var response = _h.Register("1001", "s3cret-1001", expires: "30");
        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.GetHeaderString(HeaderId.MinExpires));
    }

    [Fact]
    public void Long_interval_is_shortened_to_the_maximum_and_per_contact_expires_wins()
    {
        var response = _h.Register("1001", "s3cret-1001", contact: "<sip:1001@192.0.2.10:5062>;expires=120", expires: "99999");
        Assert.Equal("<sip:1001@192.0.2.10:5062>;expires=120", response.GetHeaderString(HeaderId.Contact));
        response = _h.Register("1001", "s3cret-1001", expires: "99999");
        Assert.Equal("<sip:1001@192.0.2.10:5062>;expires=3600", response.GetHeaderString(HeaderId.Contact));
    }

    [Fact]
    public void Several_contacts_are_kept_ordered_by_q_and_expires_zero_removes_one()
    {
        _h.Register("1001", "s3cret-1001", contact: "<sip:1001@192.0.2.10:5062>;q=0.5, <sip:1001@192.0.2.11:5062>;q=0.9");
        var bindings = _h.Location.Lookup("1001");
        Assert.Equal(["sip:1001@192.0.2.11:5062", "sip:1001@192.0.2.10:5062"], bindings.Select(b => b.ContactUri));

        var response = _h.Register("1001", "s3cret-1001", contact: "<sip:1001@192.0.2.10:5062>;expires=0");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("sip:1001@192.0.2.11:5062", Assert.Single(_h.Location.Lookup("1001")).ContactUri);
        Assert.Contains(_h.Events, e => e.Kind == RegistrationEventKind.Removed);
    }

    [Fact]
    public void Wildcard_with_expires_zero_removes_everything_and_otherwise_is_400()
    {
        _h.Register("1001", "s3cret-1001", contact: "<sip:1001@192.0.2.10:5062>, <sip:1001@192.0.2.11:5062>");
        Assert.Equal(400, _h.Register("1001", "s3cret-1001", contact: "*", expires: "3600").StatusCode);
        Assert.Equal(2, _h.Location.Lookup("1001").Count);
        Assert.Equal(200, _h.Register("1001", "s3cret-1001", contact: "*", expires: "0").StatusCode);
        Assert.Empty(_h.Location.Lookup("1001"));
    }

    [Fact]
    public void Same_call_id_with_an_older_cseq_is_refused()
    {
        var challenge = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001", cseq: 10)));
        var ok = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001", authorization: RegistrarHarness.Authorize(challenge, "1001", "s3cret-1001"), cseq: 11)));
        Assert.Equal(200, ok.StatusCode);
        var old = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001",
            authorization: RegistrarHarness.Authorize(challenge, "1001", "s3cret-1001", nc: "00000002"), cseq: 5)));
        Assert.Equal(400, old.StatusCode);
        Assert.Equal("CSeq Out Of Order", Encoding.ASCII.GetString(old.ReasonPhrase.Span));
    }

    [Fact]
    public void Bindings_expire_on_time_and_are_announced()
    {
        _h.Register("1001", "s3cret-1001", expires: "60");
        _h.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(_h.Location.Lookup("1001"));
        _h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_h.Location.Lookup("1001"));
        Assert.Equal(0, _h.Location.Count);
        Assert.Contains(_h.Events, e => e.Kind == RegistrationEventKind.Expired && e.Binding.Aor == "1001");
    }

    [Fact]
    public void Register_without_contact_queries_the_current_bindings()
    {
        _h.Register("1001", "s3cret-1001");
        var response = _h.Register("1001", "s3cret-1001", contact: null);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:1001@192.0.2.10:5062>;expires=3600", response.GetHeaderString(HeaderId.Contact));
    }

    [Fact]
    public void Stale_nonce_is_rechallenged_with_stale_true()
    {
        var challenge = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001")));
        _h.Time.Advance(TimeSpan.FromMinutes(6));
        var response = RegistrarHarness.Parse(_h.Registrar.Handle(_h.Request("1001",
            authorization: RegistrarHarness.Authorize(challenge, "1001", "s3cret-1001"))));
        Assert.Equal(401, response.StatusCode);
        Assert.Contains("stale=true", response.GetHeaderString(HeaderId.WwwAuthenticate));
    }

    [Fact]
    public void Malformed_contact_is_400()
    {
        Assert.Equal(400, _h.Register("1001", "s3cret-1001", contact: "<sip:1001@192.0.2.10:5062").StatusCode);
    }

    [Fact]
    public void Too_many_contacts_are_refused()
    {
        var many = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"<sip:1001@192.0.2.{i}:5062>"));
        Assert.Equal(403, _h.Register("1001", "s3cret-1001", contact: many).StatusCode);
        Assert.Equal(0, _h.Location.Count);
    }
}
