using DaprPhotos.Blobs;
using DaprPhotos.Imaging;

namespace DaprPhotos.Upload.Uploads;

/// <summary>An original that passed every check and is fully stored in <c>blobs</c>.</summary>
public sealed record StoredOriginal(BlobManifest Manifest, PhotoFormat Format, ImageSize Size);
