using System.Collections;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContactCenter.Cti.OpenApi;

/// <summary>
/// A GET command reads its parameters from the query string itself (so errors can name the field), which hides them
/// from the OpenAPI generator; this lists them from the request type, plus <c>client_data</c>.
/// </summary>
internal sealed class QueryParameterTransformer(Type requestType)
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        var typeInfo = CtiJson.Options.GetTypeInfo(requestType);
        foreach (var property in typeInfo.Properties)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = property.Name,
                In = ParameterLocation.Query,
                Required = property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false } || property.IsRequired,
                Schema = SchemaFor(property),
            });
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "client_data",
            In = ParameterLocation.Query,
            Description = "Any JSON value as JSON text (e.g. {\"crm_id\":42}), echoed in the response and the events the command causes.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaFor(JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(bool))
            return new OpenApiSchema { Type = JsonSchemaType.Boolean };
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return new OpenApiSchema { Type = JsonSchemaType.Integer };
        if (type != typeof(string) && type.IsAssignableTo(typeof(IEnumerable)))
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = "Repeat the parameter or separate values with commas.",
            };
        return new OpenApiSchema { Type = JsonSchemaType.String };
    }
}
