namespace ContactCenter.Acd.Configuration;

/// <summary>
/// ACD-02, in seconds. Classification (0 = no classification) then post-call run one after the other; the agent takes
/// no new work meanwhile and may return to available early. Preview expected time: 0 = not controlled.
/// </summary>
public sealed record ServiceTimes(int ClassificationSeconds = 0, int PostCallSeconds = 0, int PreviewExpectedSeconds = 0)
{
    public const int MaxSeconds = 86_400;
}
