using ContactCenter.Server.Configuration;
using ContactCenter.Server.Tests.Support;

namespace ContactCenter.Server.Tests.Configuration;

public sealed class ContactCenterPathsTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    [Fact]
    public void Relative_directories_resolve_against_the_content_root()
    {
        var paths = ContactCenterPaths.Resolve(new ContactCenterOptions(), _root.Path);

        Assert.Equal(_root.Combine("sip-profiles"), paths.ProfilesDirectory);
        Assert.Equal(_root.Combine("data"), paths.DataDirectory);
        Assert.Equal(_root.Combine("recordings"), paths.RecordingsDirectory);
    }

    [Fact]
    public void Absolute_directories_are_kept()
    {
        var elsewhere = _root.Combine("elsewhere", "data");
        var paths = ContactCenterPaths.Resolve(new ContactCenterOptions { DataDirectory = elsewhere }, "/somewhere/else");

        Assert.Equal(elsewhere, paths.DataDirectory);
        Assert.Equal("/somewhere/else/recordings", paths.RecordingsDirectory);
    }

    [Fact]
    public void Missing_data_and_recordings_directories_are_created_private()
    {
        var paths = ContactCenterPaths.Resolve(new ContactCenterOptions { DataDirectory = "state/data", RecordingsDirectory = "rec" }, _root.Path);

        paths.EnsureWritableDirectoriesExist();

        Assert.True(Directory.Exists(paths.DataDirectory));
        Assert.True(Directory.Exists(paths.RecordingsDirectory));
        Assert.False(Directory.Exists(paths.ProfilesDirectory), "profiles are configuration: never invented");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(paths.DataDirectory) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead));
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(paths.RecordingsDirectory) & UnixFileMode.OtherRead);
        }
    }

    public void Dispose() => _root.Dispose();
}
