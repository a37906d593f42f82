using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace ContactCenter.Server.Tests;

/// <summary>A misconfigured server must refuse to start, saying why, rather than run half-working.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    [Fact]
    public void Invalid_option_stops_the_host_naming_the_key()
    {
        using var factory = new ServerFactory(_root, new Dictionary<string, string?> { ["ContactCenter:Sip:T1Milliseconds"] = "0" });
        ProfileFiles.WriteSimple(factory.ProfilesDirectory, "office", """{ "Number": "1001" }""");

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(exception));
        Assert.Contains("ContactCenter:Sip:T1Milliseconds is 0", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_profile_stops_the_host_with_the_profile_error()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.Write(factory.ProfilesDirectory, "office.json", """{ "Listen": [ { "Transport": "tls", "Port": 5061 } ] }""");

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var profileError = Assert.IsType<SipProfileException>(Innermost<SipProfileException>(exception));
        Assert.Contains("office.json: Listen[0].Transport 'tls' is not supported", profileError.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "extension-credentials.json")));
    }

    private static Exception? Innermost<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T)
            {
                return current;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(Innermost<T>).FirstOrDefault(found => found is not null) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    public void Dispose() => _root.Dispose();
}
