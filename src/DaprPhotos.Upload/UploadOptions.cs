using System.ComponentModel.DataAnnotations;
using DaprPhotos.Imaging;

namespace DaprPhotos.Upload;

/// <summary>Limits of the upload API, bound from the <c>Upload</c> section and checked at start.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>The largest file accepted, in bytes (50 MiB).</summary>
    [Range(1, 1L << 32)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = ImageLimits.DefaultMaxPixels;

    [Range(1, 65_535)]
    public int MaxSidePixels { get; set; } = ImageLimits.DefaultMaxSidePixels;

    /// <summary>
    /// Bytes per stored chunk (1 MiB). Each chunk is one sidecar request, so it must stay well under
    /// daprd's body limit (4 MiB by default): 3 MiB leaves room for the request's own framing.
    /// </summary>
    [Range(64 * 1024, 3 * 1024 * 1024)]
    public int ChunkSizeBytes { get; set; } = 1024 * 1024;

    [Range(1, 10_000)]
    public int MaxTitleLength { get; set; } = 200;

    [Range(1, 100_000)]
    public int MaxDescriptionLength { get; set; } = 4_000;

    [Range(0, 1_000)]
    public int MaxTags { get; set; } = 20;

    [Range(1, 200)]
    public int MaxTagLength { get; set; } = 40;

    /// <summary>How long an <c>Idempotency-Key</c> is remembered, in seconds (24 h).</summary>
    [Range(60, 30 * 24 * 3600)]
    public int IdempotencyKeyTtlSeconds { get; set; } = 24 * 3600;

    /// <summary>
    /// An upload still storing bytes after this long (seconds) was cut off; its bytes are removed.
    /// </summary>
    [Range(60, 7 * 24 * 3600)]
    public int AbandonedUploadAfterSeconds { get; set; } = 3600;

    /// <summary>How often (seconds) the janitor looks for abandoned uploads.</summary>
    [Range(10, 24 * 3600)]
    public int JanitorIntervalSeconds { get; set; } = 600;

    public ImageLimits ImageLimits => new(MaxPixels, MaxSidePixels);
}
