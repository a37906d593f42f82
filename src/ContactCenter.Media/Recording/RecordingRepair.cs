using System.Buffers.Binary;

namespace ContactCenter.Media.Recording;

/// <summary>
/// Makes WAV files left by a crash playable again. The recorder rewrites the header only every
/// <see cref="RecordingOptions.HeaderRefreshInterval"/> of audio, so after a crash the RIFF and data sizes describe
/// less audio than the file holds (or, after a torn write, end inside a sample frame). This walks a directory tree
/// (e.g. <c>recordings/yyyy/MM/dd/</c>), and for each <c>*.wav</c> whose RIFF size disagrees with its length it sets the
/// data size to the whole sample frames present (cutting off a partial one), the RIFF size to match, and the
/// <c>fact</c> sample count for G.711.
/// </summary>
/// <remarks>
/// Run it at startup, before any recording starts: a file being recorded also has sizes behind its length.
/// Files whose header cannot be parsed are reported as skipped and never modified. Only the data chunk is assumed
/// to be last (as the recorder writes it); a consistent file with chunks after <c>data</c> counts as healthy.
/// </remarks>
public static class RecordingRepair
{
    /// <summary>Checks and repairs every <c>*.wav</c> under <paramref name="root"/> (recursively). A missing root gives an empty report.</summary>
    public static RecordingRepairReport RepairDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var results = new List<WavRepairResult>();
        if (!Directory.Exists(root))
        {
            return new RecordingRepairReport(results);
        }

        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseInsensitive,
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        foreach (string path in Directory.EnumerateFiles(root, "*.wav", enumeration))
        {
            results.Add(RepairFile(path));
        }

        return new RecordingRepairReport(results);
    }

    /// <summary>Checks one file and repairs it in place if its sizes disagree with its length. Never throws for I/O.</summary>
    public static WavRepairResult RepairFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return Repair(path, file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new WavRepairResult(path, WavRepairOutcome.Failed, error.Message, -1, -1, 0);
        }
    }

    private static WavRepairResult Repair(string path, FileStream file)
    {
        long length = file.Length;
        var header = new byte[(int)Math.Min(length, WavLayout.MaxHeaderBytes)];
        file.ReadExactly(header);
        if (!WavLayout.TryParse(header, out WavLayout layout, out string reason))
        {
            return new WavRepairResult(path, WavRepairOutcome.Skipped, reason, -1, -1, 0);
        }

        if (layout.RiffSize + 8L == length && layout.DataOffset + layout.DataSize <= length)
        {
            return new WavRepairResult(path, WavRepairOutcome.Healthy, "sizes match the file", layout.DataSize, layout.DataSize, 0);
        }

        // Whole sample frames only, and an even count so the chunk needs no pad byte.
        long granularity = layout.BlockAlign % 2 == 0 ? layout.BlockAlign : 2L * layout.BlockAlign;
        long available = length - layout.DataOffset;
        long whole = Math.Min(available - available % granularity, WavHeader.MaxDataBytes - WavHeader.MaxDataBytes % granularity);
        long end = layout.DataOffset + whole;

        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)whole);
        WriteAt(file, layout.DataSizeOffset, field);
        BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)(end - 8));
        WriteAt(file, 4, field);
        if (layout.FactSampleCountOffset >= 0 && layout.FormatTag != 1)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)(whole / layout.BlockAlign));
            WriteAt(file, layout.FactSampleCountOffset, field);
        }

        if (end < length)
        {
            file.SetLength(end);
        }

        file.Flush(flushToDisk: true);
        return new WavRepairResult(
            path,
            WavRepairOutcome.Repaired,
            $"header said {layout.DataSize} data bytes, file holds {available}",
            layout.DataSize,
            whole,
            length - end);
    }

    private static void WriteAt(FileStream file, long offset, ReadOnlySpan<byte> bytes)
    {
        file.Seek(offset, SeekOrigin.Begin);
        file.Write(bytes);
    }
}
