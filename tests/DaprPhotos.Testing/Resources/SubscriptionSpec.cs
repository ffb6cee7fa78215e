namespace DaprPhotos.Testing.Resources;

/// <summary>
/// A subscription, declarative or from an app's <c>GET /dapr/subscribe</c>, normalised the way daprd
/// builds it: ordered rules, with the default route appended as a last rule without a match.
/// </summary>
public sealed record SubscriptionSpec(
    string PubSubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes)
{
    public bool IsRawPayload =>
        Metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var isRaw) && isRaw;
}

/// <summary>A routing rule; a null <paramref name="Match"/> always matches (the default route).</summary>
public sealed record RouteRule(string? Match, string Path);
