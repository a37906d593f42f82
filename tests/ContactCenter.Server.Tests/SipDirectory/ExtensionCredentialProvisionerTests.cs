using System.Text.Json;
using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Server.Tests.SipDirectory;

public sealed class ExtensionCredentialProvisionerTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();

    private string ProfilesDirectory => _root.Combine("profiles");

    private string DataDirectory => _root.Combine("data");

    private string StorePath => Path.Combine(DataDirectory, "extension-credentials.json");

    private string PasswordsPath => Path.Combine(DataDirectory, "initial-extension-passwords.txt");

    [Fact]
    public void First_start_generates_random_passwords_and_writes_them_once_owner_only()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1002" }""");

        var directory = Provision();

        var passwords = ReadGeneratedPasswords();
        Assert.Equal(["1001", "1002"], passwords.Keys.Order());
        Assert.All(passwords.Values, password => Assert.Matches("^[0-9A-Za-z]{20}$", password));
        Assert.NotEqual(passwords["1001"], passwords["1002"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordsPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
        }

        foreach (var (number, password) in passwords)
        {
            Assert.True(directory.TryGetHa1(number, "office", "MD5", out var md5));
            Assert.Equal(DigestHa1.Compute("MD5", number, "office", password), md5);
            Assert.True(directory.TryGetHa1(number, "office", "SHA-256", out var sha256));
            Assert.Equal(DigestHa1.Compute("SHA-256", number, "office", password), sha256);
        }
    }

    [Fact]
    public void First_start_logs_a_warning_naming_the_passwords_file()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");

        Provision();

        var warning = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains(PasswordsPath, warning.Message, StringComparison.Ordinal);
        Assert.Contains("1001", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadGeneratedPasswords()["1001"], warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_holds_hashes_only_never_a_plaintext_password()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1002" }""");

        Provision();

        var store = File.ReadAllText(StorePath);
        foreach (var password in ReadGeneratedPasswords().Values)
        {
            Assert.DoesNotContain(password, store, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(store);
        var entry = json.RootElement.GetProperty("credentials")[0];
        Assert.Equal(
            ["createdAt", "ha1Md5", "ha1Sha256", "number", "profile", "realm"],
            entry.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2026-11-24T12:00:00+00:00", entry.GetProperty("createdAt").GetString());
    }

    [Fact]
    public void Second_start_reuses_stored_hashes_and_writes_no_new_password()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        var first = Provision();
        var passwordsFileBefore = File.ReadAllText(PasswordsPath);
        var storeBefore = File.ReadAllText(StorePath);
        _time.Advance(TimeSpan.FromDays(1));

        var second = Provision();

        Assert.True(first.TryGetHa1("1001", "office", "MD5", out var firstHa1));
        Assert.True(second.TryGetHa1("1001", "office", "MD5", out var secondHa1));
        Assert.Equal(firstHa1, secondHa1);
        Assert.Equal(passwordsFileBefore, File.ReadAllText(PasswordsPath));
        Assert.Equal(storeBefore, File.ReadAllText(StorePath));
        Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
    }

    [Fact]
    public void Second_start_works_after_the_operator_deleted_the_passwords_file()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        Provision();
        var password = ReadGeneratedPasswords()["1001"];
        File.Delete(PasswordsPath);

        var directory = Provision();

        Assert.False(File.Exists(PasswordsPath));
        Assert.True(directory.TryGetHa1("1001", "office", "SHA-256", out var ha1));
        Assert.Equal(DigestHa1.Compute("SHA-256", "1001", "office", password), ha1);
    }

    [Fact]
    public void Extension_added_later_gets_its_password_appended()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        Provision();
        var firstPassword = ReadGeneratedPasswords()["1001"];
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1002" }""");

        var directory = Provision();

        var passwords = ReadGeneratedPasswords();
        Assert.Equal(firstPassword, passwords["1001"]);
        Assert.Equal(2, passwords.Count);
        Assert.True(directory.TryGetHa1("1002", "office", "MD5", out var ha1));
        Assert.Equal(DigestHa1.Compute("MD5", "1002", "office", passwords["1002"]), ha1);
    }

    [Fact]
    public void Configured_password_is_honoured_and_written_nowhere()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001", "Password": "correct horse battery" }""", """{ "Number": "1002" }""");

        var directory = Provision();

        Assert.True(directory.TryGetHa1("1001", "office", "MD5", out var md5));
        Assert.Equal(DigestHa1.Compute("MD5", "1001", "office", "correct horse battery"), md5);
        Assert.True(directory.TryGetHa1("1001", "office", "SHA-256", out var sha256));
        Assert.Equal(DigestHa1.Compute("SHA-256", "1001", "office", "correct horse battery"), sha256);
        Assert.Equal(["1002"], ReadGeneratedPasswords().Keys);
        foreach (var file in Directory.GetFiles(DataDirectory))
        {
            var content = File.ReadAllText(file);
            Assert.DoesNotContain("correct horse battery", content, StringComparison.Ordinal);
            Assert.DoesNotContain(md5, content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Configured_password_replaces_a_previously_generated_one()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        Provision();
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001", "Password": "chosen-by-admin" }""");

        var directory = Provision();

        Assert.True(directory.TryGetHa1("1001", "office", "MD5", out var ha1));
        Assert.Equal(DigestHa1.Compute("MD5", "1001", "office", "chosen-by-admin"), ha1);
        Assert.DoesNotContain("\"1001\"", File.ReadAllText(StorePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Realm_change_generates_a_new_password_because_the_old_hash_cannot_serve()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        Provision();
        var oldPassword = ReadGeneratedPasswords()["1001"];
        ProfileFiles.Write(ProfilesDirectory, "office.json", $$"""
            { "Realm": "pbx.example.com", {{ProfileFiles.LoopbackUdpAndTcp}}, "Extensions": [ { "Number": "1001" } ] }
            """);

        var directory = Provision();

        var newPassword = ReadGeneratedPasswords()["1001"];
        Assert.NotEqual(oldPassword, newPassword);
        Assert.False(directory.TryGetHa1("1001", "office", "MD5", out _));
        Assert.True(directory.TryGetHa1("1001", "pbx.example.com", "MD5", out var ha1));
        Assert.Equal(DigestHa1.Compute("MD5", "1001", "pbx.example.com", newPassword), ha1);
        Assert.Contains(_logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("moved from realm office", StringComparison.Ordinal));
    }

    [Fact]
    public void Existing_passwords_file_is_narrowed_to_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(PasswordsPath, string.Empty);
        File.SetUnixFileMode(PasswordsPath, (UnixFileMode)0b110_100_100);

        Provision();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordsPath));
        Assert.Single(ReadGeneratedPasswords());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "format": 2, "credentials": [] }""")]
    [InlineData("""{ "format": 1, "credentials": [ { "number": "1001", "realm": "office", "ha1Md5": "xyz", "ha1Sha256": "" } ] }""")]
    public void Unusable_store_stops_start_and_is_left_untouched(string content)
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""");
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(StorePath, content);

        var exception = Assert.Throws<ExtensionCredentialStoreException>(() => Provision());

        Assert.Contains(StorePath, exception.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(StorePath));
        Assert.False(File.Exists(PasswordsPath));
    }

    [Fact]
    public void Credentials_of_extensions_removed_from_profiles_are_kept()
    {
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1002" }""");
        Provision();
        ProfileFiles.WriteSimple(ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1003" }""");

        var directory = Provision();

        Assert.False(directory.TryGetExtension("1002", out _));
        Assert.Contains("\"1002\"", File.ReadAllText(StorePath), StringComparison.Ordinal);
    }

    private ExtensionDirectory Provision() =>
        ExtensionCredentialProvisioner.Provision(
            SipProfileLoader.Load(ProfilesDirectory),
            Directory.CreateDirectory(DataDirectory).FullName,
            _time,
            _logs.CreateLogger("test"));

    private Dictionary<string, string> ReadGeneratedPasswords()
    {
        var passwords = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(PasswordsPath).Where(line => !line.StartsWith('#')))
        {
            var number = line.Split(' ')[0]["extension=".Length..];
            passwords[number] = line[(line.LastIndexOf(" password=", StringComparison.Ordinal) + " password=".Length)..];
        }

        return passwords;
    }

    public void Dispose() => _root.Dispose();
}
