namespace ContactCenter.TestPeers.Tests;

public class SippStatisticsTests
{
    [Fact]
    public void Parses_the_last_row_of_a_real_sipp_trace_stat_file()
    {
        var statistics = SippStatistics.ReadTraceStat(RepositoryPaths.TestData("sipp-3.6.1-uac-50-calls.csv"));

        Assert.NotNull(statistics);
        Assert.Equal(50, statistics.OutgoingCalls);
        Assert.Equal(50, statistics.TotalCallsCreated);
        Assert.Equal(50, statistics.SuccessfulCalls);
        Assert.Equal(0, statistics.FailedCalls);
        Assert.Equal(0, statistics.IncompleteCalls);
        Assert.Equal(0, statistics.Retransmissions);
        Assert.Equal(49.554, statistics.CallRate, 3);
        Assert.InRange(statistics.Elapsed.TotalSeconds, 1.0, 1.1);
        Assert.Equal("0", statistics.Columns["FailedMaxUDPRetrans(C)"]);
    }

    [Fact]
    public void Finds_columns_by_name_not_by_position()
    {
        const string csv =
            "FailedCall(C);Retransmissions(C);SuccessfulCall(C);StartTime;CurrentTime;CallRate(C);IncomingCall(C);OutgoingCall(C);" +
            "TotalCallCreated;CurrentCall;FailedMaxUDPRetrans(C);FailedUnexpectedMessage(C);FailedTimeoutOnRecv(C)\n" +
            "7;11;13;d\tt\t100.5;d\tt\t102.0;9.5;0;20;20;0;7;0;0\n";

        var statistics = SippStatistics.ParseTraceStat(csv)!;

        Assert.Equal(7, statistics.FailedCalls);
        Assert.Equal(11, statistics.Retransmissions);
        Assert.Equal(13, statistics.SuccessfulCalls);
        Assert.Equal(7, statistics.FailedMaxUdpRetransmissions);
        Assert.Equal(TimeSpan.FromSeconds(1.5), statistics.Elapsed);
    }

    [Fact]
    public void A_header_without_rows_means_no_statistics_yet()
    {
        var header = File.ReadLines(RepositoryPaths.TestData("sipp-3.6.1-uac-50-calls.csv")).First();

        Assert.Null(SippStatistics.ParseTraceStat(header + "\n"));
        Assert.Null(SippStatistics.ParseTraceStat(""));
    }

    [Fact]
    public void Text_that_is_not_a_trace_stat_file_is_rejected()
    {
        Assert.Throws<FormatException>(() => SippStatistics.ParseTraceStat("a;b;c\n1;2;3\n"));
    }

    [Fact]
    public void A_missing_file_means_no_statistics()
    {
        Assert.Null(SippStatistics.ReadTraceStat(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }
}
