using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace ContactCenter.Cti.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its interactive page (<c>/scalar/v1</c>). Both are anonymous on
/// purpose: they describe paths and schemas only, the same text as the committed <c>docs/cti/openapi.json</c> of this
/// open-source project, and hold no secret, token or data; every operation they describe still needs a token, which
/// the page asks for (bearer scheme) and keeps in the browser only.
/// </summary>
internal static class CtiOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCtiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddSchemaTransformer<CtiSchemaNaming>();
            // Commands nest their Request and Response records; name schemas after the command so they stay apart.
            options.CreateSchemaReferenceId = type =>
                OpenApiOptions.CreateDefaultSchemaReferenceId(type) is null ? null : SchemaName(type.Type);
        });

    private static string SchemaName(Type type)
    {
        string name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaName))
            : type.Name;
        return type.IsNested && !type.IsGenericParameter ? SchemaName(type.DeclaringType!) + name : name;
    }

    public static void MapCtiOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(options => options.WithTitle("ContactCenter CTI API")).AllowAnonymous();
    }
}
