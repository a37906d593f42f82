using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Cti.Commands;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ContactCenter.Cti.OpenApi;

/// <summary>
/// The CTI wire format is snake_case (<see cref="CtiJson"/>), but the server's minimal-API JSON options belong to
/// every module (the ACD admin API is camelCase), so they are left alone and only the schemas of types a CTI command
/// reads or writes are renamed here: property names to snake_case, enums to their snake_case names.
/// </summary>
internal sealed class CtiSchemaNaming : IOpenApiSchemaTransformer
{
    private HashSet<Type>? _ctiTypes;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        _ctiTypes ??= Reachable(context.ApplicationServices.GetServices<CtiCommandRegistration>());
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!_ctiTypes.Contains(type))
            return Task.CompletedTask;
        var naming = JsonNamingPolicy.SnakeCaseLower;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(naming.ConvertName(n))).ToList();
            return Task.CompletedTask;
        }
        if (schema.Properties is { Count: > 0 } properties)
        {
            var renamed = properties.ToDictionary(p => naming.ConvertName(p.Key), p => p.Value);
            properties.Clear();
            foreach (var (name, value) in renamed)
                properties[name] = value;
        }
        if (schema.Required is { Count: > 0 } required)
        {
            var renamed = required.Select(naming.ConvertName).ToList();
            required.Clear();
            foreach (string name in renamed)
                required.Add(name);
        }
        return Task.CompletedTask;
    }

    private static HashSet<Type> Reachable(IEnumerable<CtiCommandRegistration> commands)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>();
        foreach (var command in commands)
        {
            pending.Push(command.RequestType);
            pending.Push(command.ResponseType);
            pending.Push(typeof(CtiResponse<>).MakeGenericType(command.ResponseType));
        }
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsPrimitive || type == typeof(string) || type == typeof(object) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
                continue;
            if (type.IsGenericType && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                foreach (var argument in type.GetGenericArguments())
                    pending.Push(argument);
                continue;
            }
            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }
            if (!found.Add(type) || type.IsEnum || typeof(IEnumerable).IsAssignableFrom(type))
                continue;
            foreach (var property in CtiJson.Options.GetTypeInfo(type).Properties)
                pending.Push(property.PropertyType);
        }
        return found;
    }
}
