using System.Text.Json;

namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// Reads every <c>*.json</c> file of the profiles directory with standard configuration binding, fills
/// the defaults (name from the file, realm from the name), trims and lower-cases keywords, and validates
/// the whole set. All problems are
/// reported at once, each naming its file, so an operator fixes them in one pass.
/// </summary>
public static partial class SipProfileLoader
{
    public static SipProfileCatalog Load(string directory)
    {
        var fullDirectory = Path.GetFullPath(directory);
        if (!Directory.Exists(fullDirectory))
        {
            throw new SipProfileException(fullDirectory, [$"the directory does not exist; set ContactCenter:ProfilesDirectory or create it with at least one profile (see sip-profiles/default.json in the repository)."]);
        }

        var files = Directory.GetFiles(fullDirectory, "*.json", SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            throw new SipProfileException(fullDirectory, ["no *.json profile file found; a server without profiles has no SIP listener and no extension."]);
        }

        var errors = new List<string>();
        var profiles = new List<SipProfile>(files.Length);
        foreach (var file in files)
        {
            if (TryBind(file, errors) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        SipProfileValidator.Validate(profiles, errors);
        if (errors.Count > 0)
        {
            throw new SipProfileException(fullDirectory, errors);
        }

        return new SipProfileCatalog(fullDirectory, profiles);
    }

    private static SipProfile? TryBind(string file, List<string> errors)
    {
        var fileName = Path.GetFileName(file);
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or JsonException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{fileName}: cannot be read as JSON: {InnermostMessage(exception)}");
            return null;
        }

        SipProfile profile;
        try
        {
            profile = configuration.Get<SipProfile>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new SipProfile();
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the offending key (a typo such as "Extentions", or "Port": "abc").
            errors.Add($"{fileName}: {InnermostMessage(exception)}");
            return null;
        }
        finally
        {
            (configuration as IDisposable)?.Dispose();
        }

        profile.SourceFile = file;
        profile.Name = string.IsNullOrWhiteSpace(profile.Name) ? Path.GetFileNameWithoutExtension(file) : profile.Name.Trim();
        profile.Realm = string.IsNullOrWhiteSpace(profile.Realm) ? profile.Name : profile.Realm.Trim();
        foreach (var endpoint in profile.Listen)
        {
            endpoint.Transport = endpoint.Transport?.Trim().ToLowerInvariant() ?? string.Empty;
            endpoint.Address = endpoint.Address?.Trim() ?? string.Empty;
        }

        foreach (var extension in profile.Extensions)
        {
            extension.Number = extension.Number?.Trim() ?? string.Empty;
        }

        NormalizeRouting(profile);
        return profile;
    }

    private static string InnermostMessage(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" ", messages.Distinct());
    }
}
