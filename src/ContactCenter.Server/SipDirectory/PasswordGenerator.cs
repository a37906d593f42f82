using System.Security.Cryptography;

namespace ContactCenter.Server.SipDirectory;

/// <summary>Random extension passwords: base62 so every phone's keypad and config UI can take them.</summary>
public static class PasswordGenerator
{
    public const int DefaultLength = 20; // log2(62^20) ≈ 119 bits

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate(int length = DefaultLength) => RandomNumberGenerator.GetString(Base62, length);
}
