namespace ContactCenter.Sip.Diagnostics;

/// <summary>
/// The stack's logging seam: the SIP library has no package dependencies, so the host adapts this to its logger.
/// </summary>
public interface ISipLog
{
    bool IsEnabled(SipLogLevel level);

    void Write(SipLogLevel level, string category, string message, Exception? exception = null);
}
