namespace ContactCenter.Sip.Messages;

/// <summary>One header line of a parsed message: where its name and (trimmed, unfolded) value sit in the message bytes.</summary>
public readonly record struct HeaderField(HeaderId Id, TextRange Name, TextRange Value);
