using System.Text.Json;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// The client_data of the API command that is calling the engine (CTI-07), set by the caller around an engine command.
/// Events a command causes carry it: those published while it runs, and — for click-to-dial — the call's setup events
/// until it is answered or ends.
/// </summary>
public static class CallCommandContext
{
    private static readonly AsyncLocal<JsonElement?> Current = new();

    public static JsonElement? ClientData
    {
        get => Current.Value;
        set => Current.Value = value?.Clone();
    }
}
