using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Cti.Commands;

/// <summary>How modules add commands to the CTI API.</summary>
public static class CtiCommandServiceCollectionExtensions
{
    private static readonly MethodInfo DescribeMethod =
        typeof(CtiCommandServiceCollectionExtensions).GetMethod(nameof(Describe), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Adds <typeparamref name="TCommand"/> (an <see cref="ICtiCommand{TRequest,TResponse}"/>) as
    /// <c>/cti/v1/{name}</c>. The command is resolved per request (scoped), so its constructor may take any service.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not a command, or implements more than one.</exception>
    public static IServiceCollection AddCtiCommand<TCommand>(this IServiceCollection services)
        where TCommand : class
    {
        var commandInterfaces = typeof(TCommand).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICtiCommand<,>))
            .ToArray();
        if (commandInterfaces.Length != 1)
            throw new ArgumentException($"{typeof(TCommand).Name} must implement ICtiCommand<TRequest, TResponse> exactly once.", nameof(TCommand));
        var arguments = commandInterfaces[0].GetGenericArguments();
        var registration = (CtiCommandRegistration)DescribeMethod
            .MakeGenericMethod(typeof(TCommand), arguments[0], arguments[1])
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, null, null)!;
        services.TryAddScoped<TCommand>();
        services.AddSingleton(registration);
        return services;
    }

    private static CtiCommandRegistration Describe<TCommand, TRequest, TResponse>()
        where TCommand : class, ICtiCommand<TRequest, TResponse>
        where TRequest : notnull
    {
        var info = TCommand.Info;
        CtiCommandNames.Validate(info.Name);
        return new CtiCommandRegistration(info, typeof(TCommand), typeof(TRequest), typeof(TResponse),
            CtiCommandEndpoint<TCommand, TRequest, TResponse>.HandleAsync);
    }
}
