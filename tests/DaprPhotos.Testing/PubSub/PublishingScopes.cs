using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// daprd's topic scoping for publishers (<c>allowedTopics</c>, <c>protectedTopics</c>,
/// <c>publishingScopes: "app1=t1,t2;app2=t3"</c>): an app listed may publish only its topics.
/// </summary>
internal static class PublishingScopes
{
    public static bool Allows(ComponentSpec pubsub, string appId, string topic)
    {
        var allowed = List(pubsub.GetMetadata("allowedTopics"));
        if (allowed.Count > 0 && !allowed.Contains(topic))
        {
            return false;
        }

        var scoped = Scoped(pubsub.GetMetadata("publishingScopes"), appId);
        var isProtected = List(pubsub.GetMetadata("protectedTopics")).Contains(topic);
        return scoped is null ? !isProtected : scoped.Contains(topic);
    }

    private static List<string> List(string? text) =>
        [.. (text ?? "")
            .Replace(" ", "", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static List<string>? Scoped(string? text, string appId)
    {
        foreach (var entry in (text ?? "").Replace(" ", "", StringComparison.Ordinal).Split(';'))
        {
            var parts = entry.Split('=', 2);
            if (parts.Length == 2 && parts[0].Equals(appId, StringComparison.OrdinalIgnoreCase))
            {
                return List(parts[1]);
            }
        }

        return null;
    }
}
