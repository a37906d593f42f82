using ContactCenter.Cti.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Cti.Commands;

/// <summary>Maps one command with its authorization and OpenAPI description.</summary>
internal static class CtiCommandRouting
{
    public static void Map(RouteGroupBuilder group, CtiCommandRegistration command)
    {
        var info = command.Info;
        string method = info.Method == CtiCommandMethod.Get ? HttpMethods.Get : HttpMethods.Post;
        var endpoint = group.MapMethods("/" + info.Name, [method], command.Handler)
            .RequireAuthorization(info.Policy)
            .WithName(info.Name)
            .WithSummary(info.Summary)
            .WithDescription($"Policy: {info.Policy}. {(info.Method == CtiCommandMethod.Get
                ? "Parameters in the query string; client_data as JSON text in the client_data parameter."
                : "Parameters in a JSON object body; client_data may be any JSON value.")} The response echoes client_data and carries request_id.")
            .Produces(StatusCodes.Status200OK, typeof(CtiResponse<>).MakeGenericType(command.ResponseType))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (info.Method == CtiCommandMethod.Post)
            endpoint.Accepts(command.RequestType, "application/json");
        else
            endpoint.AddOpenApiOperationTransformer(new QueryParameterTransformer(command.RequestType).TransformAsync);
    }
}
