namespace ContactCenter.TestPeers;

/// <summary>
/// A peer binary (sipp, baresip, …) or one of its parts is not installed. Tests let this fail the
/// test rather than skip it: the test script installs the peers, so a missing one is a defect.
/// </summary>
public sealed class PeerMissingException(string message) : Exception(message);
