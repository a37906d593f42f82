using ContactCenter.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Server.Tests.Configuration;

public sealed class ContactCenterOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_values()
    {
        var options = new ContactCenterOptions();

        Assert.Equal("sip-profiles", options.ProfilesDirectory);
        Assert.Equal("data", options.DataDirectory);
        Assert.Equal("recordings", options.RecordingsDirectory);
        Assert.Equal("http://0.0.0.0:8080", options.Http.Urls);
        Assert.Equal(500, options.Sip.T1Milliseconds);
        Assert.Equal(4000, options.Sip.T2Milliseconds);
        Assert.Equal(5000, options.Sip.T4Milliseconds);
        Assert.Equal(0, options.Sip.TryingDelayMilliseconds);
        Assert.Equal(65535, options.Sip.MaxMessageSize);
        Assert.Equal(4194304, options.Sip.SocketBufferBytes);
        Assert.Equal(60, options.Sip.Registrar.MinExpires);
        Assert.Equal(3600, options.Sip.Registrar.MaxExpires);
        Assert.Equal(3600, options.Sip.Registrar.DefaultExpires);
        Assert.Equal(300, options.Sip.Registrar.NonceLifetimeSeconds);
        Assert.Equal(5, options.Sip.Registrar.AuthFailureLimit);
        Assert.Equal(60, options.Sip.Registrar.AuthFailureWindowSeconds);
        Assert.Equal(300, options.Sip.Registrar.BlockSeconds);
        Assert.True(new ContactCenterOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Shipped_appsettings_match_the_defaults()
    {
        var path = Path.Combine(Support.ProfileFiles.RepositoryRoot(), "src", "ContactCenter.Server", "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();

        var bound = Bind(configuration);

        var expected = new ContactCenterOptions();
        Assert.Equal(expected.ProfilesDirectory, bound.ProfilesDirectory);
        Assert.Equal(expected.DataDirectory, bound.DataDirectory);
        Assert.Equal(expected.RecordingsDirectory, bound.RecordingsDirectory);
        Assert.Equal(expected.Http.Urls, bound.Http.Urls);
        Assert.Equivalent(expected.Sip, bound.Sip, strict: true);
    }

    [Fact]
    public void Environment_variables_and_command_line_bind_with_standard_syntax()
    {
        var prefix = $"CCTEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "ContactCenter__Sip__T1Milliseconds", "250");
        Environment.SetEnvironmentVariable(prefix + "ContactCenter__Sip__Registrar__BlockSeconds", "42");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables(prefix)
                .AddCommandLine(["--ContactCenter:Sip:T2Milliseconds=8000", "--ContactCenter:DataDirectory=/var/lib/cc"])
                .Build();

            var bound = Bind(configuration);

            Assert.Equal(250, bound.Sip.T1Milliseconds);
            Assert.Equal(8000, bound.Sip.T2Milliseconds);
            Assert.Equal(42, bound.Sip.Registrar.BlockSeconds);
            Assert.Equal("/var/lib/cc", bound.DataDirectory);
            Assert.Equal(5000, bound.Sip.T4Milliseconds);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ContactCenter__Sip__T1Milliseconds", null);
            Environment.SetEnvironmentVariable(prefix + "ContactCenter__Sip__Registrar__BlockSeconds", null);
        }
    }

    [Theory]
    [InlineData("ContactCenter:Sip:T1Milliseconds", "0", "ContactCenter:Sip:T1Milliseconds is 0")]
    [InlineData("ContactCenter:Sip:T2Milliseconds", "100", "ContactCenter:Sip:T2Milliseconds (100) must be at least ContactCenter:Sip:T1Milliseconds (500)")]
    [InlineData("ContactCenter:Sip:T4Milliseconds", "-5", "ContactCenter:Sip:T4Milliseconds is -5")]
    [InlineData("ContactCenter:Sip:TryingDelayMilliseconds", "201", "ContactCenter:Sip:TryingDelayMilliseconds is 201")]
    [InlineData("ContactCenter:Sip:TryingDelayMilliseconds", "-1", "ContactCenter:Sip:TryingDelayMilliseconds is -1")]
    [InlineData("ContactCenter:Sip:MaxMessageSize", "100", "ContactCenter:Sip:MaxMessageSize is 100")]
    [InlineData("ContactCenter:Sip:SocketBufferBytes", "1024", "ContactCenter:Sip:SocketBufferBytes is 1024")]
    [InlineData("ContactCenter:Sip:Registrar:MinExpires", "0", "ContactCenter:Sip:Registrar:MinExpires is 0")]
    [InlineData("ContactCenter:Sip:Registrar:MaxExpires", "30", "ContactCenter:Sip:Registrar:MaxExpires (30) must be at least ContactCenter:Sip:Registrar:MinExpires (60)")]
    [InlineData("ContactCenter:Sip:Registrar:DefaultExpires", "7200", "ContactCenter:Sip:Registrar:DefaultExpires (7200) must lie between")]
    [InlineData("ContactCenter:Sip:Registrar:NonceLifetimeSeconds", "0", "ContactCenter:Sip:Registrar:NonceLifetimeSeconds is 0")]
    [InlineData("ContactCenter:Sip:Registrar:AuthFailureLimit", "0", "ContactCenter:Sip:Registrar:AuthFailureLimit is 0")]
    [InlineData("ContactCenter:Sip:Registrar:AuthFailureWindowSeconds", "0", "ContactCenter:Sip:Registrar:AuthFailureWindowSeconds is 0")]
    [InlineData("ContactCenter:Sip:Registrar:BlockSeconds", "0", "ContactCenter:Sip:Registrar:BlockSeconds is 0")]
    [InlineData("ContactCenter:Http:Urls", "localhost:8080", "ContactCenter:Http:Urls has 'localhost:8080'")]
    [InlineData("ContactCenter:Http:Urls", " ; ", "ContactCenter:Http:Urls must hold at least one URL")]
    [InlineData("ContactCenter:DataDirectory", " ", "ContactCenter:DataDirectory must name a directory")]
    public void Invalid_values_fail_validation_naming_the_key(string key, string value, string expectedMessage)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var result = new ContactCenterOptionsValidator().Validate(null, Bind(configuration));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(expectedMessage, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080;https://[::1]:8443")]
    [InlineData("http://localhost:0")]
    public void Kestrel_style_urls_are_accepted(string urls)
    {
        var options = new ContactCenterOptions { Http = { Urls = urls } };

        Assert.True(new ContactCenterOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validation_runs_when_the_services_start_resolving_options()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ContactCenter:Sip:T1Milliseconds", "0"), new("ContactCenter:Sip:Registrar:BlockSeconds", "0")])
            .Build();
        using var services = new ServiceCollection().AddContactCenterOptions(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ContactCenterOptions>>().Value);

        // Every problem is reported at once, not one per restart.
        Assert.Equal(2, exception.Failures.Count());
    }

    private static ContactCenterOptions Bind(IConfiguration configuration) =>
        configuration.GetSection(ContactCenterOptions.SectionName).Get<ContactCenterOptions>() ?? new ContactCenterOptions();
}
