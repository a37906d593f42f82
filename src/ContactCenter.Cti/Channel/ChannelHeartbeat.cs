using System.Text.Json;

namespace ContactCenter.Cti.Channel;

/// <summary>What a heartbeat says, the same for every transport (each adds its own framing and position).</summary>
internal static class ChannelHeartbeat
{
    /// <summary>The bus's current seq and the server's time.</summary>
    public static void WriteProperties(Utf8JsonWriter json, long currentSeq, DateTimeOffset now)
    {
        json.WriteNumber("seq"u8, currentSeq);
        json.WriteString("time"u8, now);
    }
}
