using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>Which layer decides a torture message's fate.</summary>
public enum VectorStage
{
    /// <summary>The message parses and validates; what happens next (if anything) is a server or transaction decision.</summary>
    Accepted,
    /// <summary><see cref="SipMessageParser.TryParse"/> refuses it.</summary>
    Parser,
    /// <summary>The parser accepts it; <see cref="SipMessageValidator.Validate"/> refuses it.</summary>
    Validator,
}

/// <summary>What one vector must produce: the stage that refuses it, with what reason, header and status code.</summary>
public sealed record VectorExpectation(
    string File,
    string Section,
    VectorStage Stage,
    RejectionReason Reason = RejectionReason.None,
    HeaderId Header = HeaderId.Other,
    int StatusCode = 0)
{
    public static VectorExpectation Valid(string file, string section) => new(file, section, VectorStage.Accepted);

    public static VectorExpectation ByParser(string file, string section, RejectionReason reason, HeaderId header, int status) =>
        new(file, section, VectorStage.Parser, reason, header, status);

    public static VectorExpectation ByValidator(string file, string section, RejectionReason reason, HeaderId header, int status) =>
        new(file, section, VectorStage.Validator, reason, header, status);

    public override string ToString() => $"{File} (§{Section})";
}
