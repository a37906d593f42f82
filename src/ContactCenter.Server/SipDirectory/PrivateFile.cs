using System.Text;

namespace ContactCenter.Server.SipDirectory;

/// <summary>Files only the server's own user may read (mode 0600): credential hashes and generated passwords.</summary>
public static class PrivateFile
{
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> through a temporary file and a
    /// rename, so a crash leaves either the old or the new file, never half of one.
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        using (var stream = Open(temporary, FileMode.Create))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Appends text, creating the file owner-only; an existing file is narrowed to owner-only too.</summary>
    public static void AppendText(string path, string text)
    {
        using var stream = Open(path, FileMode.Append);
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    private static FileStream Open(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode only applies to a new file; an existing one may have been created looser.
            File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
        }

        return stream;
    }
}
