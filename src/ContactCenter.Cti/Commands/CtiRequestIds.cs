namespace ContactCenter.Cti.Commands;

/// <summary>The <c>request_id</c> of an HTTP request: made once, returned in the body and the <c>X-Request-Id</c> header.</summary>
public static class CtiRequestIds
{
    /// <summary>The response header that carries it.</summary>
    public const string HeaderName = "X-Request-Id";

    private static readonly object ItemKey = new();

    /// <summary>The request's id, created (and put in the response headers) on first use.</summary>
    public static string Get(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string id)
            return id;
        id = "req_" + Guid.CreateVersion7().ToString("N");
        context.Items[ItemKey] = id;
        if (!context.Response.HasStarted)
            context.Response.Headers[HeaderName] = id;
        return id;
    }
}
