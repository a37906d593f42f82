namespace ContactCenter.Sip.Diagnostics;

public enum SipLogLevel : byte
{
    Debug,
    Information,
    Warning,
    Error,
}
