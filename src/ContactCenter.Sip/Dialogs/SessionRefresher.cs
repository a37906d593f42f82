namespace ContactCenter.Sip.Dialogs;

/// <summary>The <c>refresher</c> parameter of Session-Expires (RFC 4028 §4): which side sends the refreshes.</summary>
public enum SessionRefresher : byte
{
    /// <summary>Not stated (a request may leave the choice to the UAS).</summary>
    Unspecified,
    Uac,
    Uas,
}
