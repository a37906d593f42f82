using ContactCenter.Server.SipDirectory;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Server.SipHosting;

/// <summary>Lets the SIP registrar read HA1s from the extension directory (profiles + generated credentials).</summary>
internal sealed class ExtensionCredentialAdapter(ExtensionDirectory directory) : ISipCredentialStore
{
    public bool TryGetHa1(string user, string realm, DigestAlgorithm algorithm, out string ha1Hex)
    {
        if (directory.TryGetHa1(user, realm, DigestAlgorithms.GetName(algorithm), out var ha1))
        {
            ha1Hex = ha1;
            return true;
        }
        ha1Hex = string.Empty;
        return false;
    }
}
