namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// Where a request inside a dialog goes (RFC 3261 §12.2.1.1): its Request-URI, its Route values in order, and the URI
/// of the next hop to resolve (RFC 3263) for the transport: the first route, or the remote target when there is none.
/// </summary>
public sealed record DialogRequestTarget(string RequestUri, IReadOnlyList<string> Routes, string NextHopUri)
{
    /// <summary>
    /// §12.2.1.1: with no route set the Request-URI is the remote target and there is no Route; when the first route is
    /// a loose router (<c>lr</c>) the Request-URI is the remote target and the route set goes in Route as is; when it is
    /// a strict router its URI becomes the Request-URI, and Route holds the rest of the set followed by the remote target.
    /// </summary>
    public static DialogRequestTarget Compute(IReadOnlyList<DialogRoute> routeSet, string remoteTarget)
    {
        ArgumentNullException.ThrowIfNull(routeSet);
        ArgumentException.ThrowIfNullOrEmpty(remoteTarget);
        if (routeSet.Count == 0) return new DialogRequestTarget(remoteTarget, [], remoteTarget);
        var first = routeSet[0];
        if (first.IsLooseRouter)
            return new DialogRequestTarget(remoteTarget, [.. routeSet.Select(r => r.Value)], first.Uri);
        var routes = new List<string>(routeSet.Count);
        for (int i = 1; i < routeSet.Count; i++) routes.Add(routeSet[i].Value);
        routes.Add("<" + remoteTarget + ">");
        return new DialogRequestTarget(first.RequestUri, routes, first.Uri);
    }
}
