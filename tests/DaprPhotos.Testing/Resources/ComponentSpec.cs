namespace DaprPhotos.Testing.Resources;

/// <summary>One <c>kind: Component</c> resource as daprd sees it.</summary>
/// <param name="Metadata">Metadata names and values; names compare case-insensitively, as in daprd.</param>
/// <param name="Scopes">App ids that load the component; empty means every app.</param>
public sealed record ComponentSpec(
    string Name,
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    string SourceFile)
{
    public bool IsStateStore => Type.StartsWith("state.", StringComparison.Ordinal);

    public bool IsPubSub => Type.StartsWith("pubsub.", StringComparison.Ordinal);

    public bool IsLoadedBy(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);

    public string? GetMetadata(string name) => Metadata.TryGetValue(name, out var value) ? value : null;

    public bool GetMetadataFlag(string name) =>
        bool.TryParse(GetMetadata(name), out var flag) && flag;
}
