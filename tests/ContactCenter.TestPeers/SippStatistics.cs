using System.Globalization;

namespace ContactCenter.TestPeers;

/// <summary>
/// sipp's cumulative counters from the last row of its <c>-trace_stat</c> CSV. Columns are found
/// by header name, since their positions change between sipp builds.
/// </summary>
public sealed record SippStatistics
{
    public long IncomingCalls { get; init; }

    public long OutgoingCalls { get; init; }

    public long TotalCallsCreated { get; init; }

    /// <summary>Calls still open when the row was written.</summary>
    public long CurrentCalls { get; init; }

    public long SuccessfulCalls { get; init; }

    public long FailedCalls { get; init; }

    public long Retransmissions { get; init; }

    /// <summary>Calls that failed because a message was retransmitted to the limit unanswered.</summary>
    public long FailedMaxUdpRetransmissions { get; init; }

    public long FailedUnexpectedMessage { get; init; }

    public long FailedTimeoutOnReceive { get; init; }

    /// <summary>Created calls neither successful nor failed (still open, or cut off by a stop).</summary>
    public long IncompleteCalls => TotalCallsCreated - SuccessfulCalls - FailedCalls;

    /// <summary>sipp's cumulative calls/s (CallRate(C)).</summary>
    public double CallRate { get; init; }

    /// <summary>Time from StartTime to CurrentTime of the row.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Every column of the last row by header name, for counters not modelled here.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Parses the text of a <c>-trace_stat</c> CSV. Returns null when it has no data row yet (sipp
    /// died before writing one); throws <see cref="FormatException"/> when it is not such a CSV.
    /// </summary>
    public static SippStatistics? ParseTraceStat(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }
        var header = lines[0].Split(';');
        if (!header.Contains("SuccessfulCall(C)"))
        {
            throw new FormatException("Not a sipp -trace_stat CSV: no SuccessfulCall(C) column.");
        }
        if (lines.Length == 1)
        {
            return null;
        }
        var values = lines[^1].Split(';');
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length && i < values.Length; i++)
        {
            if (header[i].Length > 0)
            {
                columns[header[i]] = values[i];
            }
        }
        return new SippStatistics
        {
            IncomingCalls = Counter(columns, "IncomingCall(C)"),
            OutgoingCalls = Counter(columns, "OutgoingCall(C)"),
            TotalCallsCreated = Counter(columns, "TotalCallCreated"),
            CurrentCalls = Counter(columns, "CurrentCall"),
            SuccessfulCalls = Counter(columns, "SuccessfulCall(C)"),
            FailedCalls = Counter(columns, "FailedCall(C)"),
            Retransmissions = Counter(columns, "Retransmissions(C)"),
            FailedMaxUdpRetransmissions = Counter(columns, "FailedMaxUDPRetrans(C)"),
            FailedUnexpectedMessage = Counter(columns, "FailedUnexpectedMessage(C)"),
            FailedTimeoutOnReceive = Counter(columns, "FailedTimeoutOnRecv(C)"),
            CallRate = double.Parse(Column(columns, "CallRate(C)"), NumberStyles.Float, CultureInfo.InvariantCulture),
            Elapsed = EpochOf(Column(columns, "CurrentTime")) - EpochOf(Column(columns, "StartTime")),
            Columns = columns,
        };
    }

    /// <summary>Reads and parses a <c>-trace_stat</c> file; null when it is missing or has no data row.</summary>
    public static SippStatistics? ReadTraceStat(string path)
    {
        string text;
        try
        {
            // sipp may still be writing: share the file.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        return ParseTraceStat(text);
    }

    private static string Column(Dictionary<string, string> columns, string name) =>
        columns.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"sipp -trace_stat CSV has no {name} column.");

    private static long Counter(Dictionary<string, string> columns, string name) =>
        long.TryParse(Column(columns, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"sipp -trace_stat column {name} is not a number: '{columns[name]}'.");

    // Time columns read "2026-11-24\t13:27:39.564058\t1795526859.564058": the last part is epoch seconds.
    private static TimeSpan EpochOf(string timeColumn)
    {
        var epoch = timeColumn[(timeColumn.LastIndexOf('\t') + 1)..];
        return double.TryParse(epoch, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"sipp -trace_stat time '{timeColumn}' has no epoch seconds.");
    }
}
