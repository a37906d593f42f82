using ContactCenter.Media.Sessions;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class TickListTests
{
    private sealed class Member(int id)
    {
        public int Id { get; } = id;
    }

    private static List<int> Visit(TickList<Member> list)
    {
        var seen = new List<int>();
        foreach (var member in list.Slots)
        {
            if (member is not null)
            {
                seen.Add(member.Id);
            }
        }

        return seen;
    }

    [Fact]
    public void Members_added_past_the_initial_capacity_are_all_visited_and_counted()
    {
        var list = new TickList<Member>(initialCapacity: 2);
        var members = Enumerable.Range(0, 100).Select(i => new Member(i)).ToArray();
        var slots = members.Select(list.Add).ToArray();

        Assert.Equal(100, list.Count);
        Assert.Equal(Enumerable.Range(0, 100), Visit(list).Order());
        Assert.Equal(100, slots.Distinct().Count());
    }

    [Fact]
    public void A_removed_member_is_not_visited_and_its_slot_goes_to_the_next_member()
    {
        var list = new TickList<Member>();
        var a = new Member(1);
        var b = new Member(2);
        var c = new Member(3);
        list.Add(a);
        var slotB = list.Add(b);
        list.Add(c);

        Assert.True(list.Remove(slotB, b));
        Assert.Equal([1, 3], Visit(list));
        Assert.Equal(2, list.Count);

        var d = new Member(4);
        Assert.Equal(slotB, list.Add(d));
        Assert.Equal([1, 3, 4], Visit(list).Order());
        Assert.Equal(3, list.Slots.Length); // no slot wasted: the freed one was reused
    }

    [Fact]
    public void Removing_twice_or_with_another_members_slot_changes_nothing()
    {
        var list = new TickList<Member>();
        var a = new Member(1);
        var b = new Member(2);
        var slotA = list.Add(a);
        var slotB = list.Add(b);

        Assert.True(list.Remove(slotA, a));
        Assert.False(list.Remove(slotA, a));
        Assert.False(list.Remove(slotB, a));
        Assert.False(list.Remove(-1, b));
        Assert.False(list.Remove(99, b));
        Assert.Equal([2], Visit(list));
        Assert.Equal(1, list.Count);
        Assert.Equal([b], list.ToArray());
    }

    [Fact]
    public async Task Members_added_and_removed_from_many_threads_while_a_reader_visits_end_consistent()
    {
        var list = new TickList<Member>(initialCapacity: 1);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            long visited = 0;
            while (!stop.IsCancellationRequested)
            {
                visited += Visit(list).Count;
            }

            return visited;
        });

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var kept = new List<Member>();
            for (var i = 0; i < 5_000; i++)
            {
                var member = new Member((w * 10_000) + i);
                var slot = list.Add(member);
                if (i % 2 == 0)
                {
                    Assert.True(list.Remove(slot, member));
                }
                else
                {
                    kept.Add(member);
                }
            }

            return kept;
        })).ToArray();

        var kept = (await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30))).SelectMany(k => k).ToArray();
        stop.Cancel();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(kept.Length, list.Count);
        Assert.Equal(kept.Select(m => m.Id).Order(), Visit(list).Order());
        Assert.True(list.Slots.Length <= kept.Length + 4, "freed slots are reused, so the list stays near its peak membership");
    }
}
