using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Acd.Configuration;

/// <summary>The wire names of <see cref="MediaType"/> ("voice", "chat", "email", "sms"), as the event envelope's <c>media</c>.</summary>
public static class MediaTypes
{
    public static readonly IReadOnlyList<MediaType> All = [MediaType.Voice, MediaType.Chat, MediaType.Email, MediaType.Sms];

    public static string Name(this MediaType media) => media switch
    {
        MediaType.Voice => "voice",
        MediaType.Chat => "chat",
        MediaType.Email => "email",
        MediaType.Sms => "sms",
        _ => throw new ArgumentOutOfRangeException(nameof(media), media, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out MediaType? media)
    {
        media = name?.ToLowerInvariant() switch
        {
            "voice" => MediaType.Voice,
            "chat" => MediaType.Chat,
            "email" => MediaType.Email,
            "sms" => MediaType.Sms,
            _ => null,
        };
        return media != null;
    }
}
