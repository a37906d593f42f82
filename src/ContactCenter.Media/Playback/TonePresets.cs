namespace ContactCenter.Media.Playback;

/// <summary>
/// The call-progress tones callers expect, by country. Frequencies and cadences follow ITU-T E.180 Supplement 2
/// (and Anatel for Brazil); levels are typical per-component values.
/// </summary>
public static class TonePresets
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>Europe (CEPT): 425 Hz, 1 s on, 4 s off.</summary>
    public static ToneDefinition RingbackEurope { get; } = new("ringback-europe", [425], -13, [Ms(1000), Ms(4000)]);

    /// <summary>Brazil: 425 Hz, 1 s on, 4 s off.</summary>
    public static ToneDefinition RingbackBrazil { get; } = new("ringback-brazil", [425], -13, [Ms(1000), Ms(4000)]);

    /// <summary>North America: 440 + 480 Hz, 2 s on, 4 s off.</summary>
    public static ToneDefinition RingbackUs { get; } = new("ringback-us", [440, 480], -19, [Ms(2000), Ms(4000)]);

    /// <summary>Europe and Brazil busy: 425 Hz, 0.5 s on, 0.5 s off.</summary>
    public static ToneDefinition BusyEurope { get; } = new("busy-europe", [425], -13, [Ms(500), Ms(500)]);

    /// <summary>North America busy: 480 + 620 Hz, 0.5 s on, 0.5 s off.</summary>
    public static ToneDefinition BusyUs { get; } = new("busy-us", [480, 620], -24, [Ms(500), Ms(500)]);

    /// <summary>Europe call waiting: 425 Hz, two 200 ms bursts 200 ms apart, every 5 s.</summary>
    public static ToneDefinition CallWaitingEurope { get; } = new("call-waiting-europe", [425], -13, [Ms(200), Ms(200), Ms(200), Ms(4400)]);

    /// <summary>North America call waiting: 440 Hz, 300 ms every 10 s.</summary>
    public static ToneDefinition CallWaitingUs { get; } = new("call-waiting-us", [440], -13, [Ms(300), Ms(9700)]);

    /// <summary>Europe dial tone: steady 425 Hz.</summary>
    public static ToneDefinition DialEurope { get; } = new("dial-europe", [425], -13, []);

    /// <summary>North America dial tone: steady 350 + 440 Hz.</summary>
    public static ToneDefinition DialUs { get; } = new("dial-us", [350, 440], -13, []);

    /// <summary>A single 1 kHz beep of 200 ms (recording notice, prompt end); finishes.</summary>
    public static ToneDefinition Beep { get; } = new("beep", [1000], -10, [Ms(200)], repeat: false);
}
