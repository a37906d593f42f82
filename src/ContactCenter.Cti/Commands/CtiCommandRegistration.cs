namespace ContactCenter.Cti.Commands;

/// <summary>One registered command, as the router maps it.</summary>
public sealed class CtiCommandRegistration
{
    internal CtiCommandRegistration(CtiCommandInfo info, Type commandType, Type requestType, Type responseType, Func<HttpContext, Task> handler)
    {
        Info = info;
        CommandType = commandType;
        RequestType = requestType;
        ResponseType = responseType;
        Handler = handler;
    }

    /// <summary>Name, method, policy, summary.</summary>
    public CtiCommandInfo Info { get; }

    /// <summary>The <see cref="ICtiCommand{TRequest,TResponse}"/> implementation.</summary>
    public Type CommandType { get; }

    /// <summary>The parameters' type.</summary>
    public Type RequestType { get; }

    /// <summary>The success response's <c>data</c> type.</summary>
    public Type ResponseType { get; }

    internal Func<HttpContext, Task> Handler { get; }
}
