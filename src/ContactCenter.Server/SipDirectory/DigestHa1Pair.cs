namespace ContactCenter.Server.SipDirectory;

/// <summary>The HA1 of one extension for each digest algorithm the server offers, lower-case hex.</summary>
public readonly record struct DigestHa1Pair(string Md5Hex, string Sha256Hex)
{
    public string? ForAlgorithm(string algorithm) => DigestHa1.Normalize(algorithm) switch
    {
        DigestHa1.Md5 => Md5Hex,
        DigestHa1.Sha256 => Sha256Hex,
        _ => null,
    };
}
