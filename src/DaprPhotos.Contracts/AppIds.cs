namespace DaprPhotos.Contracts;

/// <summary>
/// The Dapr app ids; each must match an <c>appID</c> in dapr.yaml and the component scopes.
/// </summary>
public static class AppIds
{
    public const string Upload = "upload";
    public const string Thumbnails = "thumbnails";
    public const string Indexing = "indexing";

    public static IReadOnlyList<string> All { get; } = [Upload, Thumbnails, Indexing];
}
