namespace ContactCenter.Server.SipHosting;

/// <summary>A trunk cannot register with the profile as configured (e.g. no listener of its transport); retrying cannot help.</summary>
internal sealed class TrunkConfigurationException(string message) : Exception(message);
