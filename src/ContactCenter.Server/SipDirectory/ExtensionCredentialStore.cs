using System.Text.Json;

namespace ContactCenter.Server.SipDirectory;

/// <summary>Reads and writes <c>extension-credentials.json</c> in the data directory.</summary>
public static class ExtensionCredentialStore
{
    public const string FileName = "extension-credentials.json";

    public static ExtensionCredentialDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            return new ExtensionCredentialDocument();
        }

        ExtensionCredentialDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, ExtensionCredentialJsonContext.Default.ExtensionCredentialDocument);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw Unusable(path, exception.Message, exception);
        }

        if (document is null)
        {
            throw Unusable(path, "the file holds no document", null);
        }

        if (document.Format != ExtensionCredentialDocument.CurrentFormat)
        {
            throw Unusable(path, $"format {document.Format} is not supported (expected {ExtensionCredentialDocument.CurrentFormat})", null);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Credentials.Count; i++)
        {
            var credential = document.Credentials[i];
            if (string.IsNullOrEmpty(credential.Number) || string.IsNullOrEmpty(credential.Realm)
                || !IsLowerHex(credential.Ha1Md5, 32) || !IsLowerHex(credential.Ha1Sha256, 64))
            {
                throw Unusable(path, $"credentials[{i}] needs number, realm, a 32-digit ha1Md5 and a 64-digit ha1Sha256 in lower-case hex", null);
            }

            if (!seen.Add(credential.Number))
            {
                throw Unusable(path, $"credentials[{i}] repeats number '{credential.Number}'", null);
            }
        }

        return document;
    }

    public static void Save(string path, ExtensionCredentialDocument document)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, ExtensionCredentialJsonContext.Default.ExtensionCredentialDocument);
        PrivateFile.WriteAtomically(path, bytes);
    }

    private static bool IsLowerHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static ExtensionCredentialStoreException Unusable(string path, string reason, Exception? cause) =>
        new($"The extension credential store '{path}' cannot be used: {reason}. It was left untouched. " +
            "Fix it, or delete the broken entries (or the file) to have new passwords generated for those extensions.", cause);
}
