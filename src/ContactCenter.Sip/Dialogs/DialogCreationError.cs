namespace ContactCenter.Sip.Dialogs;

/// <summary>Why a message could not create a dialog; the UAS answers 400 to the request for the first two.</summary>
public enum DialogCreationError : byte
{
    None,

    /// <summary>No Contact, or one that is not a single SIP URI (§12.1.1: a dialog-creating request needs one).</summary>
    MissingOrInvalidContact,

    /// <summary>A Record-Route value is not a well-formed name-addr.</summary>
    InvalidRecordRoute,

    /// <summary>The response has no To tag or is not a 1xx (other than 100) or 2xx to the request.</summary>
    NotDialogCreating,

    /// <summary>The response does not belong to the request (Call-ID, From tag or CSeq differ).</summary>
    MismatchedResponse,
}
