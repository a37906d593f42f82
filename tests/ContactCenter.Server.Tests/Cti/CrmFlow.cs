using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Server.Tests.SipPeers;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>What the CRM flow tests (sipp agent and baresip agent) share to speak CTI to the real server.</summary>
internal static class CrmFlow
{
    /// <summary>A client of the center's server with <paramref name="token"/> as bearer.</summary>
    public static HttpClient Client(AcdSipCenter center, string token)
    {
        var client = center.Server.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>A command's whole answer (headers and body), asserting success.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostFull(HttpClient client, string command, object body)
    {
        var response = await client.PostAsJsonAsync("/cti/v1/" + command, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}
