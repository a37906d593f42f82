using System.Net;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;

namespace ContactCenter.Cti.Tests.Commands;

public sealed class RateLimitTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Each_token_has_its_own_bucket_and_excess_gets_429_problem_details()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, configure: o =>
        {
            o.RateLimitPermitsPerSecond = 1;
            o.RateLimitBurst = 3;
        });
        string noisy = await host.CreateTokenAsync(CtiRoles.Integrator, name: "noisy");
        string quiet = await host.CreateTokenAsync(CtiRoles.Integrator, name: "quiet");
        using var noisyClient = host.Client(noisy);
        using var quietClient = host.Client(quiet);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (int i = 0; i < 12 && limited is null; i++)
        {
            var response = await noisyClient.GetAsync("/cti/v1/get_subscriptions");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                limited = response;
            else
                response.Dispose();
        }

        Assert.NotNull(limited);
        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var body = await Json.ReadAsync(limited);
        Assert.Equal("rate_limited", body.Str("code"));
        limited.Dispose();

        using var other = await quietClient.GetAsync("/cti/v1/get_subscriptions");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
