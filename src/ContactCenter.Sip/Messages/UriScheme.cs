namespace ContactCenter.Sip.Messages;

public enum UriScheme : byte
{
    Other = 0,
    Sip,
    Sips,
    Tel,
}
