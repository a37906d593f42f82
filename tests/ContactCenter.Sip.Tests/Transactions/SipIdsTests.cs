using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class SipIdsTests
{
    [Fact]
    public void A_Call_ID_is_32_hex_digits_at_the_host_and_never_repeats()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SipIds.NewCallId("cc.example")).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}@cc\\.example$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Every hex digit position varies (random bits, not a counter or a clock).
        for (int position = 0; position < 32; position++)
            Assert.True(ids.Select(id => id[position]).Distinct().Count() > 8, $"position {position} barely varies");
    }

    [Fact]
    public void Tags_and_branches_carry_their_random_characters_and_never_repeat()
    {
        var tags = Enumerable.Range(0, 10_000).Select(_ => SipIds.NewTag()).ToList();
        var branches = Enumerable.Range(0, 10_000).Select(_ => SipIds.NewBranch()).ToList();

        Assert.All(tags, tag => Assert.Matches("^[a-z2-7]{12}$", tag));
        Assert.All(branches, branch => Assert.Matches("^z9hG4bK[a-z2-7]{20}$", branch));
        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.Equal(branches.Count, branches.Distinct().Count());
    }
}
