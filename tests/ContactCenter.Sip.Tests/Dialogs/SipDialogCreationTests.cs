using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SipDialogCreationTests
{
    private static readonly string[] TwoProxies = ["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"];

    [Fact]
    public void Uas_dialog_takes_ids_target_and_route_set_in_request_order()
    {
        var invite = Parse(Invite(TwoProxies, cseq: 314));
        var dialog = Uas(invite, "bob-tag", SipDialogState.Early);

        Assert.Equal(SipDialogRole.Uas, dialog.Role);
        Assert.Equal(new SipDialogId(CallId, "bob-tag", AliceTag), dialog.Id);
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Equal("sip:alice@192.0.2.10:5060;transport=udp", dialog.RemoteTarget);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], dialog.RouteSet.Select(r => r.Value));
        Assert.Equal("sip:bob@example.com", dialog.LocalUri);
        Assert.Equal("sip:alice@example.com", dialog.RemoteUri);
        Assert.Equal(314u, dialog.RemoteCSeq);
        Assert.Null(dialog.LocalCSeq);
        Assert.False(dialog.IsSecure);
        Assert.False(dialog.OwnsCallId);
        Assert.True(dialog.Confirm());
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void Uas_dialog_from_our_response_takes_tag_contact_and_state_from_it()
    {
        var invite = Parse(Invite(TwoProxies));
        var ringing = Parse(Response(invite, 180, "Ringing", "bob-180"));
        Assert.True(SipDialog.TryCreateUas(invite, ringing, BobVia, out var early, out var error), error.ToString());
        Assert.Equal(SipDialogState.Early, early!.State);
        Assert.Equal("bob-180", early.LocalTag);
        Assert.Equal(BobContact, early.LocalContact);

        var ok = Parse(Response(invite, 200, "OK", "bob-200"));
        Assert.True(SipDialog.TryCreateUas(invite, ok, BobVia, out var confirmed, out _));
        Assert.Equal(SipDialogState.Confirmed, confirmed!.State);
    }

    [Fact]
    public void Uac_dialog_reverses_the_record_route_and_starts_local_cseq_at_the_invites()
    {
        var invite = Parse(Invite(TwoProxies, cseq: 7));
        var ok = Parse(Response(invite, 200, "OK", "bob-tag"));
        var dialog = Uac(invite, ok);

        Assert.Equal(SipDialogRole.Uac, dialog.Role);
        Assert.Equal(new SipDialogId(CallId, AliceTag, "bob-tag"), dialog.Id);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], dialog.RouteSet.Select(r => r.Value));
        Assert.Equal("sip:bob@192.0.2.20:5070", dialog.RemoteTarget);
        Assert.Equal(7u, dialog.LocalCSeq);
        Assert.Null(dialog.RemoteCSeq);
        Assert.Equal(AliceContact, dialog.LocalContact);
        Assert.True(dialog.OwnsCallId);
    }

    [Fact]
    public void Uac_dialog_from_a_provisional_response_is_early()
    {
        var invite = Parse(Invite());
        var dialog = Uac(invite, Parse(Response(invite, 183, "Session Progress", "bob-tag")));
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Empty(dialog.RouteSet);
    }

    [Fact]
    public void A_sips_request_uri_makes_the_dialog_secure()
    {
        var invite = Parse(Invite(requestUri: "sips:bob@example.com", contact: "<sips:alice@192.0.2.10:5061>"));
        Assert.True(Uas(invite).IsSecure);
    }

    public static TheoryData<string, string?, string, DialogCreationError> BadUacInputs => new()
    {
        { "100 Trying has no tag and makes no dialog", null, "100", DialogCreationError.NotDialogCreating },
        { "180 without a To tag", null, "180", DialogCreationError.NotDialogCreating },
        { "486 is a failure, not a dialog", "bob-tag", "486", DialogCreationError.NotDialogCreating },
        { "2xx without Contact", "bob-tag", "200-no-contact", DialogCreationError.MissingOrInvalidContact },
        { "2xx with a tel: Contact", "bob-tag", "200-tel-contact", DialogCreationError.MissingOrInvalidContact },
    };

    [Theory]
    [MemberData(nameof(BadUacInputs))]
    public void Uac_refuses_responses_that_cannot_make_a_dialog(string because, string? toTag, string kind, DialogCreationError expected)
    {
        var invite = Parse(Invite());
        var bytes = kind switch
        {
            "100" => Response(invite, 100, "Trying", toTag),
            "180" => Response(invite, 180, "Ringing", toTag),
            "486" => Response(invite, 486, "Busy Here", toTag),
            "200-no-contact" => Response(invite, 200, "OK", toTag, contact: null),
            _ => Response(invite, 200, "OK", toTag, contact: "<tel:+15551234567>"),
        };
        Assert.False(SipDialog.TryCreateUac(invite, Parse(bytes), out var dialog, out var error), because);
        Assert.Null(dialog);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Uac_refuses_a_response_to_another_request()
    {
        var invite = Parse(Invite(cseq: 1));
        var other = Parse(Response(Parse(Invite(cseq: 2)), 200, "OK", "bob-tag"));
        Assert.False(SipDialog.TryCreateUac(invite, other, out _, out var error));
        Assert.Equal(DialogCreationError.MismatchedResponse, error);
    }

    [Fact]
    public void Uas_refuses_an_invite_without_contact_or_with_a_broken_record_route()
    {
        Assert.False(SipDialog.TryCreateUas(Parse(Invite(contact: null)), "t", BobContact, BobVia, SipDialogState.Early, out _, out var noContact));
        Assert.Equal(DialogCreationError.MissingOrInvalidContact, noContact);
        Assert.False(SipDialog.TryCreateUas(Parse(Invite(["<tel:+1555>"])), "t", BobContact, BobVia, SipDialogState.Early, out _, out var badRoute));
        Assert.Equal(DialogCreationError.InvalidRecordRoute, badRoute);
    }

    [Fact]
    public void Dialog_ids_are_read_from_the_side_of_the_message()
    {
        var invite = Parse(Invite());
        var ok = Parse(Response(invite, 200, "OK", "bob-tag"));
        Assert.True(SipDialogId.TryFromIncomingResponse(ok, out var uacId));
        Assert.Equal(new SipDialogId(CallId, AliceTag, "bob-tag"), uacId);
        var bye = Parse(InDialogRequest("BYE", 315, "bob-tag"));
        Assert.True(SipDialogId.TryFromIncomingRequest(bye, out var uasId));
        Assert.Equal(new SipDialogId(CallId, "bob-tag", AliceTag), uasId);
        Assert.False(SipDialogId.TryFromIncomingRequest(invite, out _)); // no To tag: not in a dialog
    }
}
