namespace ContactCenter.Telephony.Calls;

/// <summary>
/// One step of a dial plan: every target of the step is invited at once (every registered contact of every extension:
/// parallel forking); if none answers within <see cref="Timeout"/> or all fail, the next step starts.
/// </summary>
/// <param name="Targets">Builds the step's targets when the step starts (contacts are looked up then, not before).</param>
/// <param name="Timeout">How long the step rings; null: until the call's no-answer timeout.</param>
internal sealed record RingStep(Func<IReadOnlyList<DialTarget>> Targets, TimeSpan? Timeout = null);
