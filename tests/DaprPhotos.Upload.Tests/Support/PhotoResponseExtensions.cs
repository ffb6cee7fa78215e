using DaprPhotos.Blobs;
using DaprPhotos.Upload.Photos;

namespace DaprPhotos.Upload.Tests.Support;

internal static class PhotoResponseExtensions
{
    /// <summary>The <c>blobs</c> key of the photo's original; its chunks' keys start with it too.</summary>
    public static string OriginalKey(this PhotoResponse photo) => BlobKeys.Original(photo.Id);
}
