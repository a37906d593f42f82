namespace ContactCenter.Sip.Diagnostics;

public sealed class NullSipLog : ISipLog
{
    public static readonly NullSipLog Instance = new();

    public bool IsEnabled(SipLogLevel level) => false;

    public void Write(SipLogLevel level, string category, string message, Exception? exception = null) { }
}
