using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

/// <summary>What a phone does after a 401: builds the Authorization value for a challenge.</summary>
internal static class DigestTestClient
{
    public static string Authorization(
        string user,
        string password,
        string realm,
        string nonce,
        string uri,
        string method = "REGISTER",
        DigestAlgorithm algorithm = DigestAlgorithm.Md5,
        string? qop = "auth",
        uint nc = 1,
        string cnonce = "0a4f113b",
        bool sendAlgorithm = true,
        string? extra = null)
    {
        string ha1 = DigestHash.ComputeHa1(algorithm, user, realm, password);
        string ncText = nc.ToString("x8");
        string response = qop is null
            ? DigestHash.ComputeResponse(algorithm, ha1, nonce, method, uri)
            : DigestHash.ComputeResponse(algorithm, ha1, nonce, method, uri, qop, ncText, cnonce);
        var value = new StringBuilder("Digest ");
        value.Append($"username=\"{Escape(user)}\", realm=\"{Escape(realm)}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\"");
        if (sendAlgorithm)
        {
            value.Append($", algorithm={DigestAlgorithms.GetName(algorithm)}");
        }

        if (qop is not null)
        {
            value.Append($", qop={qop}, nc={ncText}, cnonce=\"{cnonce}\"");
        }

        if (extra is not null)
        {
            value.Append(", ").Append(extra);
        }

        return value.ToString();
    }

    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
