using ContactCenter.Sip.Diagnostics;

namespace ContactCenter.Server.SipHosting;

/// <summary>The SIP library logs through <see cref="ISipLog"/>; this routes it to ASP.NET Core logging, one logger per category.</summary>
internal sealed class SipLogAdapter(ILoggerFactory factory) : ISipLog
{
    private readonly ILogger _root = factory.CreateLogger("ContactCenter.Sip");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ILogger> _loggers = new();

    public bool IsEnabled(SipLogLevel level) => _root.IsEnabled(Map(level));

    public void Write(SipLogLevel level, string category, string message, Exception? exception = null)
    {
        var logger = _loggers.GetOrAdd(category, c => factory.CreateLogger("ContactCenter." + c));
#pragma warning disable CA2254 // the SIP layer formats its own messages
        logger.Log(Map(level), exception, message);
#pragma warning restore CA2254
    }

    private static LogLevel Map(SipLogLevel level) => level switch
    {
        SipLogLevel.Debug => LogLevel.Debug,
        SipLogLevel.Information => LogLevel.Information,
        SipLogLevel.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
