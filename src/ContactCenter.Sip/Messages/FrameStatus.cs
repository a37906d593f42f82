namespace ContactCenter.Sip.Messages;

public enum FrameStatus : byte
{
    /// <summary>More bytes are needed; nothing may be consumed.</summary>
    Incomplete,
    /// <summary>A whole message of the given length starts the buffer.</summary>
    Message,
    /// <summary>A CRLF keep-alive (RFC 5626 §3.5.1): a double CRLF is a ping to answer with a single CRLF pong.</summary>
    KeepAlive,
    /// <summary>The stream cannot be framed: answer when possible and close the connection.</summary>
    Error,
}
