using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>How a sipp run ended: exit code, output, error log and final statistics.</summary>
public sealed record SippResult
{
    /// <summary>
    /// sipp's exit code: 0 every call succeeded, 1 at least one failed, 97 stopped by a command,
    /// 99 normal exit without calls, 255 fatal error or <c>-timeout</c> reached, 254 cannot bind;
    /// 137 when it had to be killed.
    /// </summary>
    public required int ExitCode { get; init; }

    /// <summary>WaitForExitAsync gave up waiting and stopped sipp.</summary>
    public required bool TimedOutWaiting { get; init; }

    /// <summary>Final counters, or null when sipp wrote none (it died at start).</summary>
    public required SippStatistics? Statistics { get; init; }

    public required string StandardOutput { get; init; }

    public required string StandardError { get; init; }

    /// <summary>sipp's <c>-trace_err</c> log (unexpected messages, timeouts), possibly empty.</summary>
    public required string ErrorLog { get; init; }

    public required string CommandLine { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Exit code 0, statistics written, no failed call and none left incomplete.</summary>
    public bool Succeeded =>
        ExitCode == 0 && !TimedOutWaiting && Statistics is { FailedCalls: 0, IncompleteCalls: 0 };

    /// <summary>A multi-line account for assertion messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .AppendLine($"sipp exit {ExitCode}{(TimedOutWaiting ? " (stopped: wait timed out)" : "")}: {CommandLine}")
            .AppendLine($"  in {WorkingDirectory}");
        text.AppendLine(Statistics is { } s
            ? $"  created {s.TotalCallsCreated}, successful {s.SuccessfulCalls}, failed {s.FailedCalls}, " +
              $"incomplete {s.IncompleteCalls}, retransmissions {s.Retransmissions}, {s.CallRate:0.#} calls/s over {s.Elapsed.TotalSeconds:0.##} s"
            : "  no statistics written");
        AppendTail(text, "stderr", StandardError, 2000);
        AppendTail(text, "error log", ErrorLog, 4000);
        if (!Succeeded)
        {
            AppendTail(text, "stdout", StandardOutput, 4000);
        }
        return text.ToString();
    }

    public override string ToString() => Describe();

    private static void AppendTail(StringBuilder text, string name, string value, int limit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var tail = value.Length > limit ? "…" + value[^limit..] : value;
        text.AppendLine($"  --- {name} ---").AppendLine(tail.TrimEnd());
    }
}
