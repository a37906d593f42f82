using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

public sealed class FilterTests
{
    private static readonly EventEnvelope[] Sample =
    [
        Make("call.offered", new EventSubject("c1", "a1", "sales", "voice")),
        Make("call.leg.added", new EventSubject("c1", null, "sales", "voice")),
        Make("callback.requested", new EventSubject(null, "a2", "support", "voice")),
        Make("agent.state_changed", new EventSubject(AgentId: "a1")),
        Make("chat.message_created", new EventSubject(null, "a2", "sales", "chat")),
        Make("registration.added"),
    ];

    public static TheoryData<string, string[]> TypeCases => new()
    {
        { "", ["call.offered", "call.leg.added", "callback.requested", "agent.state_changed", "chat.message_created", "registration.added"] },
        { "*", ["call.offered", "call.leg.added", "callback.requested", "agent.state_changed", "chat.message_created", "registration.added"] },
        { "call.*", ["call.offered", "call.leg.added"] }, // not "callback.requested"
        { "call.leg.*", ["call.leg.added"] },
        { "call.offered", ["call.offered"] },
        { "call.offered,registration.*", ["call.offered", "registration.added"] },
        { "call", [] }, // an exact name is not a category
    };

    [Theory]
    [MemberData(nameof(TypeCases))]
    public void Types_match_exact_names_categories_and_the_wildcard(string types, string[] expected)
    {
        var filter = new EventFilter { Types = types.Split(',', StringSplitOptions.RemoveEmptyEntries) };
        Assert.Equal(expected, Sample.Where(filter.Matches).Select(e => e.Type));
    }

    [Fact]
    public void Subject_filters_require_the_id_and_combine_with_and()
    {
        Assert.Equal(["call.offered", "agent.state_changed"],
            Sample.Where(new EventFilter { AgentIds = ["a1"] }.Matches).Select(e => e.Type));
        Assert.Equal(["call.offered", "call.leg.added", "chat.message_created"],
            Sample.Where(new EventFilter { ServiceIds = ["sales"] }.Matches).Select(e => e.Type));
        Assert.Equal(["chat.message_created"],
            Sample.Where(new EventFilter { Media = ["chat"] }.Matches).Select(e => e.Type));
        Assert.Equal(["call.offered", "call.leg.added"],
            Sample.Where(new EventFilter { Types = ["call.*"], ServiceIds = ["sales"], Media = ["voice"] }.Matches).Select(e => e.Type));
        Assert.Equal(["call.offered", "callback.requested", "chat.message_created"],
            Sample.Where(new EventFilter { AgentIds = ["a1", "a2"], Media = ["voice", "chat"] }.Matches).Select(e => e.Type));
        Assert.DoesNotContain(Sample, new EventFilter { AgentIds = ["A1"] }.Matches); // ids are ordinal
    }

    [Theory]
    [InlineData("call*")]
    [InlineData("*.offered")]
    [InlineData("call.*.added")]
    [InlineData("Call.offered")]
    [InlineData(".*")]
    [InlineData("")]
    public void Invalid_type_patterns_are_rejected_with_a_clear_message(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => new EventFilter { Types = [pattern] });
        Assert.Contains("Types", error.Message);
    }

    [Fact]
    public void Null_lists_and_empty_ids_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new EventFilter { AgentIds = null! });
        Assert.Throws<ArgumentException>(() => new EventFilter { ServiceIds = [""] });
        Assert.Throws<ArgumentException>(() => new EventFilter { Media = [null!] });
    }

    [Fact]
    public void Changing_the_callers_list_afterwards_does_not_change_the_filter()
    {
        var agents = new List<string> { "a1" };
        var filter = new EventFilter { AgentIds = agents };
        agents[0] = "a2";

        Assert.Equal(["a1"], filter.AgentIds);
        Assert.True(filter.Matches(Sample[0]));
    }

    [Fact]
    public void A_filtered_subscriber_receives_only_what_it_asked_for_in_order()
    {
        var bus = NewBus();
        using var scope = new SubscriptionScope(bus.Subscribe(new EventFilter { Types = ["call.*"], AgentIds = ["a1"] }));
        foreach (var e in Sample)
            bus.Publish(e.Type, subject: new EventSubject(e.CallId, e.AgentId, e.ServiceId, e.Media));
        bus.Publish("call.answered", subject: new EventSubject("c1", "a1", "sales", "voice"));

        var seen = Drain(scope.Value);
        Assert.Equal(["call.offered", "call.answered"], seen.Select(e => e.Type));
        Assert.Equal([1L, 7L], seen.Seqs());
    }

    private static EventEnvelope Make(string type, EventSubject subject = default) =>
        new(1, Guid.CreateVersion7(), type, DateTimeOffset.UnixEpoch, subject);
}
