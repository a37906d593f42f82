namespace ContactCenter.Media.Playback;

/// <summary>
/// A call-progress tone: one to four sine components played together, switched on and off by a cadence.
/// </summary>
/// <remarks>Immutable; shared by every <see cref="ToneGenerator"/> that plays it. See <see cref="TonePresets"/> for the usual ones.</remarks>
public sealed class ToneDefinition
{
    private readonly double[] _frequencies;
    private readonly TimeSpan[] _cadence;

    /// <param name="name">For logs and diagnostics ("ringback-us").</param>
    /// <param name="frequencies">The components, in Hz (1 to 4 of them, each above 0 and below 4 kHz so both 8 and 16 kHz can play it).</param>
    /// <param name="levelDbm0">The level of each component in dBm0 (0 dBm0 is a sine 3.14 dB below digital full scale); the sum must not clip.</param>
    /// <param name="cadence">Alternating on, off, on, off… durations in whole milliseconds, starting with on; empty for a steady tone.</param>
    /// <param name="repeat">Whether the cadence starts again at its end; a non-repeating tone finishes (a beep).</param>
    /// <exception cref="ArgumentException">Any of the constraints above is broken.</exception>
    public ToneDefinition(string name, IReadOnlyList<double> frequencies, double levelDbm0, IReadOnlyList<TimeSpan> cadence, bool repeat = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(cadence);
        if (frequencies.Count is < 1 or > 4 || frequencies.Any(f => !(f > 0 && f < 4000)))
        {
            throw new ArgumentException("A tone has 1 to 4 frequencies, each above 0 Hz and below 4000 Hz.", nameof(frequencies));
        }

        if (cadence.Any(d => d <= TimeSpan.Zero || d.Ticks % TimeSpan.TicksPerMillisecond != 0))
        {
            throw new ArgumentException("Cadence durations are positive whole milliseconds.", nameof(cadence));
        }

        if (!repeat && cadence.Count == 0)
        {
            throw new ArgumentException("A tone that does not repeat needs a cadence, or it would never end.", nameof(cadence));
        }

        Amplitude = AmplitudeOf(levelDbm0);
        if (double.IsNaN(levelDbm0) || Amplitude * frequencies.Count > short.MaxValue)
        {
            throw new ArgumentException($"{frequencies.Count} components at {levelDbm0} dBm0 would clip.", nameof(levelDbm0));
        }

        Name = name;
        _frequencies = [.. frequencies];
        LevelDbm0 = levelDbm0;
        _cadence = [.. cadence];
        Repeat = repeat;
    }

    public string Name { get; }

    public IReadOnlyList<double> Frequencies => _frequencies;

    public double LevelDbm0 { get; }

    /// <summary>The peak amplitude of each component in 16-bit linear units.</summary>
    public double Amplitude { get; }

    public IReadOnlyList<TimeSpan> Cadence => _cadence;

    public bool Repeat { get; }

    /// <summary>The 16-bit peak amplitude of a sine at <paramref name="dbm0"/> (ITU-T G.711: full scale is +3.14 dBm0).</summary>
    public static double AmplitudeOf(double dbm0) => short.MaxValue * Math.Pow(10, (dbm0 - 3.14) / 20);

    public override string ToString() => Name;
}
