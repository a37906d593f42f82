namespace ContactCenter.Server.SipDirectory;

/// <summary>The credential store exists but cannot be used; it is left untouched so nothing is lost.</summary>
public sealed class ExtensionCredentialStoreException : Exception
{
    public ExtensionCredentialStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
