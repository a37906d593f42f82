using System.Text.Json.Serialization;

namespace ContactCenter.Server.SipDirectory;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ExtensionCredentialDocument))]
internal sealed partial class ExtensionCredentialJsonContext : JsonSerializerContext;
