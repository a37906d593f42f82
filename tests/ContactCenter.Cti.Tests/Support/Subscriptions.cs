using System.Net;

namespace ContactCenter.Cti.Tests.Support;

public static class Subscriptions
{
    /// <summary>Subscribes through the API and returns the subscription's id.</summary>
    public static async Task<string> SubscribeAsync(this CtiTestHost host, string token, object request)
    {
        using var client = host.Client(token);
        var (response, body) = await client.PostAsync("/cti/v1/subscribe", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("data").GetProperty("subscription").Str("id");
    }
}
