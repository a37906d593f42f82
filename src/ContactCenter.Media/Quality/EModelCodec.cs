namespace ContactCenter.Media.Quality;

/// <summary>
/// A codec's E-model parameters: the equipment impairment factor Ie and the packet-loss robustness factor Bpl.
/// </summary>
/// <param name="Name">A label for reports.</param>
/// <param name="EquipmentImpairment">Ie: impairment at zero loss, on the narrowband R scale.</param>
/// <param name="PacketLossRobustness">Bpl: how well the codec (and its concealment) tolerates random loss.</param>
/// <remarks>
/// Sources: ITU-T G.113 Appendix I (planning values of Ie and Bpl): G.711 has Ie = 0; with the packet loss concealment
/// of G.711 Appendix I, Bpl = 25.1; without concealment (silence substitution) Bpl = 4.3. G.113 gives G.722 planning
/// values only on the wideband scale of ITU-T G.107.1 (Ie,wb = 13 at 64 kbit/s on R up to 129), which this
/// narrowband model cannot use; for the narrowband estimate G.722 is rated as G.711 with concealment (Ie = 0,
/// Bpl = 25.1), since in the 300-3400 Hz band it is at least as clean. That G.722 pair is our assumption, not an ITU
/// table value: the estimate understates G.722's real (wideband) quality.
/// </remarks>
public readonly record struct EModelCodec(string Name, double EquipmentImpairment, double PacketLossRobustness)
{
    /// <summary>G.711 (µ-law or A-law) with packet loss concealment: Ie = 0, Bpl = 25.1 (G.113 Appendix I).</summary>
    public static EModelCodec G711WithConcealment { get; } = new("G.711 with PLC", 0, 25.1);

    /// <summary>G.711 without packet loss concealment: Ie = 0, Bpl = 4.3 (G.113 Appendix I).</summary>
    public static EModelCodec G711WithoutConcealment { get; } = new("G.711 without PLC", 0, 4.3);

    /// <summary>G.722 on the narrowband scale: Ie = 0, Bpl = 25.1 (our assumption; see the type's remarks).</summary>
    public static EModelCodec G722 { get; } = new("G.722 (narrowband-equivalent)", 0, 25.1);
}
