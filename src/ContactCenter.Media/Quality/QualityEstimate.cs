namespace ContactCenter.Media.Quality;

/// <summary>An E-model rating and the mean opinion score it maps to.</summary>
/// <param name="RFactor">The transmission rating R (0..100; 93.2 for a perfect G.711 call).</param>
/// <param name="Mos">The estimated conversational MOS (1..4.5).</param>
public readonly record struct QualityEstimate(double RFactor, double Mos);
