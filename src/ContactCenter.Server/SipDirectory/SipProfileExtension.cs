namespace ContactCenter.Server.SipDirectory;

/// <summary>An extension as written in a profile file.</summary>
public sealed class SipProfileExtension
{
    /// <summary>Extension number; also the digest user name.</summary>
    public string Number { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    /// <summary>
    /// Optional. When absent a random password is generated on first start and only its digest hashes
    /// are stored; see <see cref="ExtensionCredentialProvisioner"/>.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Record every answered call this extension makes or takes (stereo WAV under the recordings directory).</summary>
    public bool Record { get; set; }
}
