namespace ContactCenter.TestPeers;

/// <summary>baresip answered a command with ok=false.</summary>
public sealed class BaresipCommandException(string command, BaresipResponse response)
    : Exception($"baresip refused '{command}': {response.Data.Trim()}")
{
    public string Command { get; } = command;

    public BaresipResponse Response { get; } = response;
}
