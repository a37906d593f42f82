using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Server.Configuration;

/// <summary>
/// Checks <see cref="ContactCenterOptions"/> at start so a bad value stops the server with a message
/// naming the configuration key, instead of surfacing later as odd SIP behaviour.
/// </summary>
public sealed class ContactCenterOptionsValidator : IValidateOptions<ContactCenterOptions>
{
    private const string Root = ContactCenterOptions.SectionName;
    private const string Sip = Root + ":Sip";
    private const string Registrar = Sip + ":Registrar";

    // Limits chosen to catch typos (a value in seconds where milliseconds are expected, a missing digit),
    // not to forbid unusual but sane deployments.
    private const int MaxTimerMilliseconds = 600_000;
    private const int MinMessageSize = 1500;
    private const int MaxMessageSizeLimit = 16 * 1024 * 1024;
    private const int MinSocketBufferBytes = 65536;
    private const int MaxSocketBufferBytes = 1024 * 1024 * 1024;
    private const int MaxExpiresLimit = 7 * 24 * 3600;

    public ValidateOptionsResult Validate(string? name, ContactCenterOptions options)
    {
        var errors = new List<string>();

        RequireDirectory(errors, options.ProfilesDirectory, $"{Root}:ProfilesDirectory");
        RequireDirectory(errors, options.DataDirectory, $"{Root}:DataDirectory");
        RequireDirectory(errors, options.RecordingsDirectory, $"{Root}:RecordingsDirectory");
        ValidateHttp(errors, options.Http);
        ValidateSip(errors, options.Sip);
        ValidateRegistrar(errors, options.Sip.Registrar);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireDirectory(List<string> errors, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} must name a directory (absolute, or relative to the content root).");
        }
    }

    private static void ValidateHttp(List<string> errors, HttpOptions http)
    {
        const string key = Root + ":Http:Urls";
        var urls = HttpUrlList.Split(http.Urls);
        if (urls.Count == 0)
        {
            errors.Add($"{key} must hold at least one URL, e.g. http://0.0.0.0:8080.");
            return;
        }

        foreach (var url in urls)
        {
            if (!HttpUrlList.LooksLikeListenUrl(url))
            {
                errors.Add($"{key} has '{url}', which is not an http:// or https:// URL with a host and port (e.g. http://0.0.0.0:8080).");
            }
        }
    }

    private static void ValidateSip(List<string> errors, SipOptions sip)
    {
        RequireRange(errors, sip.T1Milliseconds, 1, MaxTimerMilliseconds, $"{Sip}:T1Milliseconds");
        RequireRange(errors, sip.T2Milliseconds, 1, MaxTimerMilliseconds, $"{Sip}:T2Milliseconds");
        RequireRange(errors, sip.T4Milliseconds, 1, MaxTimerMilliseconds, $"{Sip}:T4Milliseconds");
        if (sip.T1Milliseconds > 0 && sip.T2Milliseconds > 0 && sip.T2Milliseconds < sip.T1Milliseconds)
        {
            errors.Add($"{Sip}:T2Milliseconds ({sip.T2Milliseconds}) must be at least {Sip}:T1Milliseconds ({sip.T1Milliseconds}); RFC 3261 caps retransmit intervals at T2.");
        }

        RequireRange(errors, sip.TryingDelayMilliseconds, 0, (int)SipTimerSettings.MaxTryingDelay.TotalMilliseconds, $"{Sip}:TryingDelayMilliseconds");
        RequireRange(errors, sip.MaxMessageSize, MinMessageSize, MaxMessageSizeLimit, $"{Sip}:MaxMessageSize");
        RequireRange(errors, sip.SocketBufferBytes, MinSocketBufferBytes, MaxSocketBufferBytes, $"{Sip}:SocketBufferBytes");
    }

    private static void ValidateRegistrar(List<string> errors, RegistrarOptions registrar)
    {
        RequireRange(errors, registrar.MinExpires, 1, MaxExpiresLimit, $"{Registrar}:MinExpires");
        RequireRange(errors, registrar.MaxExpires, 1, MaxExpiresLimit, $"{Registrar}:MaxExpires");
        RequireRange(errors, registrar.DefaultExpires, 1, MaxExpiresLimit, $"{Registrar}:DefaultExpires");
        if (registrar.MaxExpires < registrar.MinExpires)
        {
            errors.Add($"{Registrar}:MaxExpires ({registrar.MaxExpires}) must be at least {Registrar}:MinExpires ({registrar.MinExpires}).");
        }
        else if (registrar.DefaultExpires < registrar.MinExpires || registrar.DefaultExpires > registrar.MaxExpires)
        {
            errors.Add($"{Registrar}:DefaultExpires ({registrar.DefaultExpires}) must lie between {Registrar}:MinExpires ({registrar.MinExpires}) and {Registrar}:MaxExpires ({registrar.MaxExpires}).");
        }

        RequireRange(errors, registrar.NonceLifetimeSeconds, 1, 86_400, $"{Registrar}:NonceLifetimeSeconds");
        if (registrar.DigestAlgorithmList.Count == 0)
            errors.Add($"{Registrar}:DigestAlgorithms must list at least one of MD5, SHA-256.");
        foreach (var algorithm in registrar.DigestAlgorithmList)
        {
            if (!ContactCenter.Sip.Auth.DigestAlgorithms.TryParse(System.Text.Encoding.ASCII.GetBytes(algorithm), out _))
                errors.Add($"{Registrar}:DigestAlgorithms has '{algorithm}'; use MD5 or SHA-256.");
        }
        if (registrar.DigestAlgorithmList.Distinct(StringComparer.OrdinalIgnoreCase).Count() != registrar.DigestAlgorithmList.Count)
            errors.Add($"{Registrar}:DigestAlgorithms lists an algorithm twice.");
        RequireRange(errors, registrar.AuthFailureLimit, 1, 1_000_000, $"{Registrar}:AuthFailureLimit");
        RequireRange(errors, registrar.AuthFailureWindowSeconds, 1, 86_400, $"{Registrar}:AuthFailureWindowSeconds");
        RequireRange(errors, registrar.BlockSeconds, 1, 7 * 86_400, $"{Registrar}:BlockSeconds");
    }

    private static void RequireRange(List<string> errors, int value, int min, int max, string key)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }
}
