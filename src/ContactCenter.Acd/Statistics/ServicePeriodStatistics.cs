namespace ContactCenter.Acd.Statistics;

/// <summary>
/// A service's figures for one period. Service level = answered within the threshold / offered, in percent (offered =
/// interactions that entered the queue in the period); ASA = mean wait of the answered; AHT = mean talk + wrap-up of
/// the handled. Null when there is nothing to divide by.
/// </summary>
public sealed record ServicePeriodStatistics(
    DateTimeOffset Start,
    int Offered,
    int Answered,
    int AnsweredWithinThreshold,
    int Abandoned,
    int Overflowed,
    int Handled,
    double? ServiceLevel,
    double? AsaSeconds,
    double? AhtSeconds);
