using CsCheck;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Messages;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

/// <summary>
/// Mutated INVITEs and responses through the dialog layer: whatever parses may be refused, but never makes it throw,
/// and every request built from a dialog it accepted parses again (we never put on the wire what we could not read).
/// </summary>
public sealed class DialogFuzzTests
{
    private static readonly byte[] InviteSeed = Invite(["<sip:p2.example.com;lr;ftag=x>", "<sip:p1.example.com>"],
        extraHeaders: "Supported: timer\r\nSession-Expires: 1800;refresher=uac\r\nMin-SE: 90");

    private static readonly byte[] ResponseSeed = Response(Parse(InviteSeed), 200, "OK", "bob-tag",
        extraHeaders: "Session-Expires: 1800;refresher=uas\r\nRequire: timer");

    [Fact]
    public void Mutated_invites_never_throw_and_built_requests_parse() =>
        Gen.UInt.Array[1, 8].Sample(ops =>
        {
            if (!SipMessageParser.TryParse(ParserFuzzTests.Mutate(InviteSeed, ops), out var invite, out _) || invite is null || !invite.IsRequest)
                return;
            SessionTimerNegotiation.AsUas(invite, SessionTimerOptions.Default);
            if (!SipDialog.TryCreateUas(invite, "bob-tag", BobContact, BobVia, SipDialogState.Confirmed, out var dialog, out _)) return;
            AssertParses(dialog!.CreateRequest(SipMethod.Bye));
            AssertParses(dialog.CreateResponse(invite, 200, "OK").Finish());
        }, iter: 5_000, threads: 1);

    [Fact]
    public void Mutated_responses_never_throw_and_built_requests_parse()
    {
        var invite = Parse(InviteSeed);
        Gen.UInt.Array[1, 8].Sample(ops =>
        {
            if (!SipMessageParser.TryParse(ParserFuzzTests.Mutate(ResponseSeed, ops), out var response, out _) || response is null || !response.IsResponse)
                return;
            SessionTimerNegotiation.AsUac(response);
            var forks = new InviteForkSet(invite);
            var decision = forks.OnResponse(response);
            if (decision.Dialog is { } dialog && dialog.State != SipDialogState.Terminated)
            {
                AssertParses(dialog.CreateAck(invite.CSeq));
                AssertParses(dialog.CreateRequest(SipMethod.Bye));
                dialog.ApplyResponse(response);
            }
        }, iter: 5_000, threads: 1);
    }

    private static void AssertParses(byte[] bytes) =>
        Assert.True(SipMessageParser.TryParse(bytes, out _, out var error), $"{error}:\n{Text(bytes)}");
}
