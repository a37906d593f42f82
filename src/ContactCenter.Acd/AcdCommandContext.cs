using System.Text.Json;

namespace ContactCenter.Acd;

/// <summary>
/// The client_data of the API command calling the ACD now (CTI-07). Set it around a call to
/// <see cref="Routing.AcdRuntime.RunAsync{T}"/> (it flows with the async context); the runtime hands it to the engine
/// while that work runs, so the interaction.*, agent.* and classification.* events the command causes carry it.
/// Events of later timers (RONA, wrap-up ends) carry none: no command caused them.
/// </summary>
public static class AcdCommandContext
{
    private static readonly AsyncLocal<JsonElement?> Current = new();

    public static JsonElement? ClientData
    {
        get => Current.Value;
        set => Current.Value = value?.Clone();
    }
}
