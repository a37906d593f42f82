namespace ContactCenter.Telephony.Routing;

/// <summary>The routing configuration is inconsistent; <see cref="Errors"/> lists every problem.</summary>
public sealed class RoutingConfigurationException : Exception
{
    public RoutingConfigurationException(IReadOnlyList<string> errors)
        : base("Routing configuration is invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
