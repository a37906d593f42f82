using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Cti.Tests.Support;

/// <summary>Small helpers to send raw JSON and read answers as documents.</summary>
public static class Json
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostRawAsync(this HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await ReadAsync(response));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
            return default;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
