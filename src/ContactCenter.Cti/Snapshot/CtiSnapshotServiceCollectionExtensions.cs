using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Cti.Snapshot;

/// <summary>How modules add a section to <c>get_snapshot</c>.</summary>
public static class CtiSnapshotServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TContributor"/> (a singleton) as a section of the snapshot.</summary>
    public static IServiceCollection AddCtiSnapshotContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, ICtiSnapshotContributor
    {
        services.AddSingleton<ICtiSnapshotContributor, TContributor>();
        return services;
    }
}
