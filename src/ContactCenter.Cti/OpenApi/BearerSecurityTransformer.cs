using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContactCenter.Cti.OpenApi;

/// <summary>Declares the bearer scheme and requires it on every operation (the fallback policy does the same at run time).</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ContactCenter CTI API";
        document.Info.Description =
            "Commands at /cti/v1/{command}: GET for queries (parameters in the query string), POST for actions (JSON body). " +
            "Every command accepts client_data (any JSON value, at most 4 KB by default), echoed in the response and in the events " +
            "it causes; every response carries request_id. Errors are RFC 9457 problem details with a stable 'code'. " +
            "Authenticate with 'Authorization: Bearer cc_…' (roles admin, supervisor, integrator, agent).";
        document.Servers = []; // the document is committed; it must not depend on the address it was fetched from
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from create_token (the first admin token is written to initial-admin-token.txt in the data directory).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
