namespace ContactCenter.TestPeers.Tests;

// The test script installs the peers (scripts/install-peers.sh): a missing one fails here, loudly.
public class PeerAvailabilityTests
{
    [Fact]
    public void Sipp_is_installed()
    {
        Assert.True(File.Exists(PeerAvailability.RequireSipp()));
    }

    [Fact]
    public void Baresip_and_its_modules_are_installed()
    {
        Assert.True(File.Exists(PeerAvailability.RequireBaresip()));
    }

    [Fact]
    public void Linphonec_is_installed()
    {
        Assert.True(File.Exists(PeerAvailability.RequireLinphonec()));
    }

    [Fact]
    public void Sox_is_installed()
    {
        Assert.True(File.Exists(PeerAvailability.RequireSox()));
    }

    [Fact]
    public void An_unknown_binary_is_not_found()
    {
        Assert.Null(PeerAvailability.FindOnPath("no-such-peer-" + Guid.NewGuid().ToString("N")));
    }
}
