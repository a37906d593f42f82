using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class NonInviteClientTransactionTests
{
    [Fact]
    public void Udp_TimerE_doubles_up_to_T2_until_TimerF_gives_the_TU_a_local_408()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var options = TestMessages.Request("OPTIONS", SipIds.NewBranch());
        var tx = h.Layer.SendRequest(options, UdpServer, user);
        Assert.Equal(SipTransactionState.Trying, tx.State);

        h.AdvanceTo(S(40));

        // E = 0.5, 1, 2, 4, then T2 = 4 s each; F = 64*T1 = 32 s.
        Assert.Equal([S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(11.5), S(15.5), S(19.5), S(23.5), S(27.5), S(31.5)], h.Sender.Times);
        Assert.All(h.Sender.Sent, s => Assert.Equal(options, s.Bytes));
        var timeout = Assert.Single(user.Responses);
        Assert.Equal(408, timeout.StatusCode);
        Assert.Equal(SipMethod.Options, timeout.CSeqMethod);
        Assert.Equal(SipTransactionOutcome.Timeout, user.Outcome);
        Assert.Equal(S(32), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public void The_timers_run_from_before_the_first_send_so_a_clock_moving_while_it_is_on_its_way_does_not_push_them_back()
    {
        // A registrar on loopback gets the REGISTER, and a test moves its fake clock, before the send returns: timers armed
        // after the send started 10 ms late here, and a test that moved the clock by Timer F at once waited forever.
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        h.Sender.DuringNextSend = () => h.Time.Advance(TimeSpan.FromMilliseconds(10));
        h.Layer.SendRequest(TestMessages.Request("REGISTER", SipIds.NewBranch(), requestUri: "sip:example.com"), UdpServer, user);

        h.AdvanceTo(S(40));

        Assert.Equal(S(0.5), h.Sender.Times[1]);
        Assert.Equal(S(32), user.TerminatedAt);
        Assert.Equal([408], user.StatusCodes);
    }

    [Fact]
    public void In_Proceeding_TimerE_fires_every_T2_and_TimerF_still_times_out()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var register = TestMessages.Request("REGISTER", SipIds.NewBranch(), requestUri: "sip:example.com");
        var tx = h.Layer.SendRequest(register, UdpServer, user);

        h.AdvanceTo(Ms(700)); // sends at 0 and 0.5; E now armed for 1.5
        h.Receive(TestMessages.ResponseTo(register, 100, "Trying"));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        h.AdvanceTo(S(40));

        Assert.Equal([S(0), S(0.5), S(1.5), S(5.5), S(9.5), S(13.5), S(17.5), S(21.5), S(25.5), S(29.5)], h.Sender.Times);
        Assert.Equal([100, 408], user.StatusCodes);
        Assert.Equal(SipTransactionOutcome.Timeout, user.Outcome);
        h.AssertDrained();
    }

    [Fact]
    public void Final_response_completes_retransmissions_are_absorbed_and_TimerK_ends_it()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var options = TestMessages.Request("OPTIONS", SipIds.NewBranch());
        var tx = h.Layer.SendRequest(options, UdpServer, user);
        var ok = TestMessages.ResponseTo(options, 200, "OK", "uas-1");

        h.AdvanceTo(Ms(600));
        h.Receive(ok);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Receive(ok);
        h.Receive(TestMessages.ResponseTo(options, 100, "Trying"));

        Assert.Equal([200], user.StatusCodes);
        // Absorbing needs no response: the TU has it; the transaction keeps only its status for Timer K's 5 s.
        Assert.Null(tx.FinalResponse);
        Assert.Equal(200, tx.FinalStatusCode);
        Assert.False(tx.HasRequest); // nothing is re-sent in Completed
        Assert.Equal(SipMethod.Options, tx.Method);
        h.AdvanceTo(Ms(5599));
        Assert.Null(user.Outcome);
        h.AdvanceTo(Ms(5600)); // Timer K = T4 = 5 s
        Assert.Equal(SipTransactionOutcome.Completed, user.Outcome);
        Assert.Equal([S(0), S(0.5)], h.Sender.Times); // no retransmission once completed
        Assert.Empty(h.User.StrayResponses);
        h.AssertDrained();
    }

    [Fact]
    public void Tcp_has_no_TimerE_and_TimerK_is_zero()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var options = TestMessages.Request("OPTIONS", SipIds.NewBranch(), transport: "TCP");
        h.Layer.SendRequest(options, TcpServer, user);

        h.AdvanceTo(S(10));
        Assert.Equal(1, h.Sender.Count);
        h.Receive(TestMessages.ResponseTo(options, 404, "Not Found", "uas-1"), SipTransportKind.Tcp);

        Assert.Equal([404], user.StatusCodes);
        Assert.Equal(SipTransactionOutcome.Completed, user.Outcome);
        Assert.Equal(S(10), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public void Tcp_TimerF_still_times_out()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        h.Layer.SendRequest(TestMessages.Request("OPTIONS", SipIds.NewBranch(), transport: "TCP"), TcpServer, user);

        h.AdvanceTo(S(33));

        Assert.Equal(1, h.Sender.Count);
        Assert.Equal([408], user.StatusCodes);
        Assert.Equal(S(32), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public async Task SendRequestAsync_reports_provisionals_and_completes_with_the_final_response()
    {
        using var h = new TransactionHarness();
        var provisionals = new List<int>();
        var request = TestMessages.Request("MESSAGE", SipIds.NewBranch(), body: "hello", extraHeaders: "Content-Type: text/plain");

        var final = h.Layer.SendRequestAsync(request, UdpServer, r => provisionals.Add(r.StatusCode));
        Assert.False(final.IsCompleted);
        h.Receive(TestMessages.ResponseTo(request, 100, "Trying"));
        h.Receive(TestMessages.ResponseTo(request, 202, "Accepted", "uas-1"));

        var response = await final.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(202, response.StatusCode);
        Assert.Equal([100], provisionals);
    }

    [Fact]
    public async Task SendRequestAsync_times_out_with_a_local_408()
    {
        using var h = new TransactionHarness();
        var final = h.Layer.SendRequestAsync(TestMessages.Request("OPTIONS", SipIds.NewBranch()), UdpServer);

        h.AdvanceTo(S(32));

        Assert.Equal(408, (await final.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        h.AssertDrained();
    }

    [Fact]
    public void SendRequest_refuses_what_cannot_be_a_client_transaction()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var branch = SipIds.NewBranch();

        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TestMessages.Ack(SipIds.NewBranch(), "t"), UdpServer, user));
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TestMessages.Request("OPTIONS", "1234"), UdpServer, user));
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest("not sip at all\r\n\r\n"u8.ToArray(), UdpServer, user));
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TestMessages.ResponseTo(TestMessages.Request("OPTIONS", branch), 200, "OK"), UdpServer, user));
        h.Layer.SendRequest(TestMessages.Request("OPTIONS", branch), UdpServer, user);
        Assert.Throws<InvalidOperationException>(() => h.Layer.SendRequest(TestMessages.Request("OPTIONS", branch), UdpServer, user));
        Assert.Equal(1, h.Layer.ClientTransactionCount);
        Assert.Equal(1, h.Sender.Count);
    }

    [Fact]
    public void Response_without_a_matching_transaction_is_stray()
    {
        using var h = new TransactionHarness();
        var options = TestMessages.Request("OPTIONS", SipIds.NewBranch());
        var user = h.NewClientUser();
        h.Layer.SendRequest(options, UdpServer, user);

        h.Receive(TestMessages.ResponseTo(TestMessages.Request("OPTIONS", SipIds.NewBranch()), 200, "OK")); // other branch
        h.Receive(TestMessages.ResponseTo(TestMessages.Request("INFO", SipIds.NewBranch()), 200, "OK"));

        Assert.Equal(2, h.User.StrayResponses.Count);
        Assert.Empty(user.Responses);
    }
}
