namespace DaprPhotos.Testing.Resources;

/// <summary>How daprd turns <c>route</c>, <c>routes.rules</c> and <c>routes.default</c> into rules.</summary>
internal static class SubscriptionRoutes
{
    public static IReadOnlyList<RouteRule> Build(
        IEnumerable<RouteRule>? rules, string? defaultPath, string? singleRoute)
    {
        var result = (rules ?? []).Where(rule => !string.IsNullOrEmpty(rule.Path)).ToList();
        var fallback = string.IsNullOrEmpty(defaultPath) ? singleRoute : defaultPath;
        if (!string.IsNullOrEmpty(fallback))
        {
            result.Add(new RouteRule(null, fallback));
        }

        return result;
    }
}
