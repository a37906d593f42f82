namespace ContactCenter.Telephony.Routing;

/// <param name="Extension">The extension to ring.</param>
/// <param name="Did">The configured DID that matched, as written in the configuration (normalized to E.164 when written with <c>+</c>).</param>
public sealed record InboundToExtension(string Extension, string Did) : InboundTarget;
