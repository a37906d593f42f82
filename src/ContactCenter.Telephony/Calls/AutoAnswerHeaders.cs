namespace ContactCenter.Telephony.Calls;

/// <summary>
/// The headers that make a phone answer by itself. Phones disagree on which they honour, so the generic set carries
/// both common forms: <c>Call-Info: &lt;sip:host&gt;;answer-after=0</c> (Polycom, Yealink, Grandstream, Snom, baresip)
/// and <c>Alert-Info: &lt;http://localhost&gt;;info=alert-autoanswer</c> (Cisco SPA, Linksys, many softphones).
/// </summary>
public static class AutoAnswerHeaders
{
    /// <summary>The headers for <paramref name="delay"/> (answer-after in whole seconds, 0 = at once).</summary>
    public static IReadOnlyList<(string Name, string Value)> For(string host, TimeSpan delay)
    {
        int seconds = (int)Math.Clamp(Math.Round(delay.TotalSeconds), 0, 3600);
        return
        [
            ("Call-Info", $"<sip:{host}>;answer-after={seconds}"),
            ("Alert-Info", "<http://localhost>;info=alert-autoanswer;delay=" + seconds),
        ];
    }
}
