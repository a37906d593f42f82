using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ContactCenter.Server.Health;

public static class HealthEndpointExtensions
{
    public const string Path = "/healthz";

    /// <summary>Registers the health checks; other modules add theirs with <c>AddHealthChecks().AddCheck…</c>.</summary>
    public static IServiceCollection AddContactCenterHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SipDirectoryHealthCheck>("sip-directory");
        return services;
    }

    /// <summary>Maps <c>GET /healthz</c>: unauthenticated so load balancers and orchestrators can probe it.</summary>
    public static IEndpointConventionBuilder MapContactCenterHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteJsonAsync })
            .AllowAnonymous();
}
