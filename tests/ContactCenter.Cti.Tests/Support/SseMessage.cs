using System.Text.Json;

namespace ContactCenter.Cti.Tests.Support;

/// <summary>One Server-Sent Event as a client sees it.</summary>
public sealed record SseMessage(string? Id, string Event, string Data)
{
    public long Seq => long.Parse(Id!, System.Globalization.CultureInfo.InvariantCulture);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Data);
        return document.RootElement.Clone();
    }
}
