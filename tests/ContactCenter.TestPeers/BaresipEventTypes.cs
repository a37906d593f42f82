namespace ContactCenter.TestPeers;

/// <summary>Event types baresip 1.0.0 pushes on ctrl_tcp (its ua_event names).</summary>
public static class BaresipEventTypes
{
    public const string Registering = "REGISTERING";
    public const string RegisterOk = "REGISTER_OK";
    public const string RegisterFail = "REGISTER_FAIL";
    public const string Unregistering = "UNREGISTERING";
    public const string CallIncoming = "CALL_INCOMING";
    public const string CallRinging = "CALL_RINGING";
    public const string CallProgress = "CALL_PROGRESS";
    public const string CallEstablished = "CALL_ESTABLISHED";
    public const string CallClosed = "CALL_CLOSED";
    public const string CallTransfer = "CALL_TRANSFER";
    public const string CallTransferFailed = "CALL_TRANSFER_FAILED";
    public const string CallDtmfStart = "CALL_DTMF_START";
    public const string CallDtmfEnd = "CALL_DTMF_END";
    public const string CallLocalSdp = "CALL_LOCAL_SDP";
    public const string CallRemoteSdp = "CALL_REMOTE_SDP";
}
