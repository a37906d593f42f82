namespace ContactCenter.Sip.Usages.Client;

/// <summary>Where a client finds the credentials to answer a Digest challenge of a given realm.</summary>
public interface ITrunkCredentials
{
    /// <summary>The credentials for <paramref name="realm"/>, or null when none apply (the challenge is not answered).</summary>
    SipClientCredentials? Find(string realm);
}
