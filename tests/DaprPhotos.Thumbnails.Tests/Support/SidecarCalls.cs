using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>What the thumbnail service asked of its sidecar, in the words of the tests.</summary>
internal static class SidecarCalls
{
    /// <summary>Every call thumbnails made to its sidecar, oldest first.</summary>
    public static IReadOnlyList<SidecarCall> Calls(this ThumbnailsApplication app) =>
        app.Environment.Calls.Where(call => call.AppId == AppIds.Thumbnails);

    /// <summary>
    /// Every SaveState thumbnails made under the photo's rendition keys: chunks, manifests, set
    /// records and the record of its sets.
    /// </summary>
    public static int RenditionWrites(this ThumbnailsApplication app, string photoId) =>
        app.Calls().Count(call => call.Method == "SaveState"
            && call.Target.StartsWith($"rendition/{photoId}/", StringComparison.Ordinal));
}
