using CsCheck;
using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

/// <summary>
/// Random single-threaded interleavings of publishing and reading against a subscription that starts
/// at a random position. Whatever happens, the subscriber must get exactly the events it asked for from
/// its start, in order, each once; or, if told to re-sync, exactly those up to the seq the notice names.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] Types = ["a.x", "a.y", "b.x"];
    private static readonly string?[] Agents = [null, "a1", "a2"];
    private static readonly EventFilter[] Filters =
    [
        EventFilter.All,
        new() { Types = ["a.*"] },
        new() { Types = ["b.x"] },
        new() { AgentIds = ["a1"] },
        new() { Types = ["a.*"], AgentIds = ["a2"] },
    ];

    // An op is either a publish (type, agent) or a read of up to N events.
    private readonly record struct Op(bool IsRead, int Type, int Agent, int Reads);

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, Types.Length - 1], Gen.Int[0, Agents.Length - 1], (t, a) => new Op(false, t, a, 0))),
        (1, Gen.Int[1, 6].Select(n => new Op(true, 0, 0, n))));

    private static readonly Gen<(int History, int Buffer, int Batch, int Filter, int Before, int FromOffset, Op[] Ops)> GenCase =
        Gen.Select(
            Gen.Int[1, 12], Gen.Int[1, 12], Gen.Int[1, 4], Gen.Int[0, Filters.Length - 1],
            Gen.Int[0, 30], Gen.Int[-2, 32], GenOp.Array[0, 80]);

    [Fact]
    public void Every_subscriber_gets_exactly_its_events_or_an_honest_resync_notice()
    {
        GenCase.Sample(c =>
        {
            var bus = NewBus(history: c.History, buffer: c.Buffer, replayBatch: c.Batch);
            var filter = Filters[c.Filter];
            var published = new List<EventEnvelope>();
            for (int i = 0; i < c.Before; i++)
                published.Add(bus.Publish(Types[i % Types.Length], subject: new EventSubject(AgentId: Agents[i % Agents.Length])));

            // FromOffset < 0 means "live from now"; otherwise a seq that may be retained, expired or ahead.
            long? from = c.FromOffset < 0 ? null : 1 + c.FromOffset;
            long start = from ?? bus.CurrentSeq + 1;
            var subscription = bus.Subscribe(filter, from);
            var received = new List<long>();

            foreach (var op in c.Ops)
            {
                if (op.IsRead)
                {
                    for (int n = 0; n < op.Reads && subscription.TryRead(out var e); n++)
                        received.Add(e.Seq);
                }
                else
                {
                    published.Add(bus.Publish(Types[op.Type], subject: new EventSubject(AgentId: Agents[op.Agent])));
                }
            }
            received.AddRange(Drain(subscription).Seqs());

            var wanted = published.Where(e => e.Seq >= start && filter.Matches(e)).Seqs();
            if (subscription.State == EventSubscriptionState.ResyncRequired)
            {
                var notice = Assert.Throws<EventResyncRequiredException>(
                    () => subscription.WaitToReadAsync().AsTask().GetAwaiter().GetResult());
                Assert.Equal(wanted.Where(s => s <= notice.LastSeq), received);
                Assert.Equal(notice.LastSeq, subscription.Position);
                Assert.True(notice.LastSeq >= start - 1);
                Assert.Equal(from > c.Before + 1, notice.Reason == ResyncReason.PositionAhead);
            }
            else
            {
                Assert.Equal(EventSubscriptionState.Live, subscription.State);
                Assert.Equal(wanted, received);
                Assert.Equal(bus.CurrentSeq, subscription.Position);
            }
        }, iter: 3000, threads: 1);
    }
}
