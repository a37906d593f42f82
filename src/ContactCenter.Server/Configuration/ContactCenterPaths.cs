using Microsoft.Extensions.Options;

namespace ContactCenter.Server.Configuration;

/// <summary>
/// The configured directories as absolute paths. Relative settings resolve against the content root,
/// which is the current directory for <c>dotnet run</c> and the app directory in the container.
/// </summary>
public sealed class ContactCenterPaths
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerAndGroupRead = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    public ContactCenterPaths(string profilesDirectory, string dataDirectory, string recordingsDirectory)
    {
        ProfilesDirectory = profilesDirectory;
        DataDirectory = dataDirectory;
        RecordingsDirectory = recordingsDirectory;
    }

    public string ProfilesDirectory { get; }

    public string DataDirectory { get; }

    public string RecordingsDirectory { get; }

    public static ContactCenterPaths Resolve(ContactCenterOptions options, string contentRoot) =>
        new(
            Path.GetFullPath(options.ProfilesDirectory, contentRoot),
            Path.GetFullPath(options.DataDirectory, contentRoot),
            Path.GetFullPath(options.RecordingsDirectory, contentRoot));

    public static ContactCenterPaths Create(IOptions<ContactCenterOptions> options, IHostEnvironment environment)
    {
        var paths = Resolve(options.Value, environment.ContentRootPath);
        paths.EnsureWritableDirectoriesExist();
        return paths;
    }

    /// <summary>
    /// Creates the data and recordings directories when missing. New directories are private: data
    /// holds password hashes and recordings hold conversations.
    /// </summary>
    public void EnsureWritableDirectoriesExist()
    {
        CreatePrivateDirectory(DataDirectory, OwnerOnly, "data");
        CreatePrivateDirectory(RecordingsDirectory, OwnerAndGroupRead, "recordings");
    }

    private static void CreatePrivateDirectory(string path, UnixFileMode mode, string purpose)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, mode);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot create the {purpose} directory '{path}': {exception.Message}", exception);
        }
    }
}
