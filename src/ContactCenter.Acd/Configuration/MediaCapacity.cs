namespace ContactCenter.Acd.Configuration;

/// <summary>
/// How many interactions of each media type an agent may hold at once (ACD-05). Voice is 0 or 1: nobody talks on two
/// calls. Pending / on-hold digital work does not count (see <c>AcdEngine.SetPending</c>).
/// </summary>
public sealed record MediaCapacity(int Voice = 1, int Chat = 0, int Email = 0, int Sms = 0)
{
    public const int MaxDigital = 50;

    public static MediaCapacity VoiceOnly { get; } = new();

    public int For(MediaType media) => media switch
    {
        MediaType.Voice => Voice,
        MediaType.Chat => Chat,
        MediaType.Email => Email,
        MediaType.Sms => Sms,
        _ => 0,
    };
}
