using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using DaprPhotos.Imaging;

namespace DaprPhotos.Thumbnails;

/// <summary>What to render and within which limits, bound from the <c>Thumbnails</c> section.</summary>
public sealed class ThumbnailOptions : IValidatableObject
{
    public const string SectionName = "Thumbnails";

    /// <summary>The smallest <see cref="ChunkSizeBytes"/> allowed.</summary>
    public const int MinChunkSizeBytes = 64 * 1024;

    /// <summary>The renditions of every photo; by default a 1280 px preview and a 256 px thumb.</summary>
    public List<RenditionSpec> Renditions { get; set; } =
    [
        new() { Name = "preview", LongestSidePixels = 1280 },
        new() { Name = "thumb", LongestSidePixels = 256 },
    ];

    /// <summary>Decodes that may run at once; each can hold a full-size photo in memory.</summary>
    [Range(1, 256)]
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The most one image may allocate, in MB: ImageSharp refuses beyond it instead of swapping.
    /// </summary>
    [Range(16, 4096)]
    public int AllocationLimitMegabytes { get; set; } =
        SafeImageConfiguration.DefaultAllocationLimitMegabytes;

    /// <summary>
    /// Pixel memory, in MB, that renders in flight may hold together; a render over it waits.
    /// </summary>
    [Range(64, 65536)]
    public int RenderMemoryBudgetMegabytes { get; set; } = 1024;

    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = ImageLimits.DefaultMaxPixels;

    [Range(1, 65_535)]
    public int MaxSidePixels { get; set; } = ImageLimits.DefaultMaxSidePixels;

    /// <summary>
    /// Bytes per stored rendition chunk: one sidecar request each, well under daprd's 4 MiB.
    /// </summary>
    [Range(MinChunkSizeBytes, 3 * 1024 * 1024)]
    public int ChunkSizeBytes { get; set; } = 1024 * 1024;

    public ImageLimits ImageLimits => new(MaxPixels, MaxSidePixels);

    /// <summary>
    /// Names the whole set, so a changed spec renders again under new keys; every
    /// <c>photo-thumbnailed</c> carries it as its rendition set, and each instance announces it at start.
    /// </summary>
    public string SetFingerprint =>
        Fingerprint(string.Join(";", Renditions.Select(spec => spec.Fingerprint)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Renditions.Count == 0)
        {
            yield return new ValidationResult("At least one rendition is needed.", [nameof(Renditions)]);
        }

        var duplicates = Renditions
            .GroupBy(spec => spec.Name)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key);
        foreach (var name in duplicates)
        {
            yield return new ValidationResult($"Rendition '{name}' is defined twice.", [nameof(Renditions)]);
        }

        foreach (var spec in Renditions.Where(spec => !spec.IsValid(out _)))
        {
            spec.IsValid(out var problem);
            yield return new ValidationResult(problem, [nameof(Renditions)]);
        }
    }

    internal static string Fingerprint(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}

/// <summary>One rendition: its name (in URLs), longest side in pixels, format and quality.</summary>
public sealed class RenditionSpec
{
    // Part of every fingerprint: bump it when rendering changes what a spec produces.
    private const int RendererVersion = 1;

    public string Name { get; set; } = "";

    public int LongestSidePixels { get; set; }

    /// <summary><c>jpeg</c> or <c>webp</c>.</summary>
    public string Format { get; set; } = "jpeg";

    /// <summary>Encoder quality, 1 to 100.</summary>
    public int Quality { get; set; } = 80;

    public string Fingerprint =>
        ThumbnailOptions.Fingerprint($"{RendererVersion}|{Name}|{LongestSidePixels}|{Format}|{Quality}");

    public bool IsValid(out string problem)
    {
        problem = Name.Length == 0 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"Rendition name '{Name}' must be letters, digits, '-' or '_'."
            : LongestSidePixels is < 16 or > 8192
                ? $"Rendition '{Name}': LongestSidePixels must be 16 to 8192."
            : Format is not ("jpeg" or "webp") ? $"Rendition '{Name}': Format must be jpeg or webp."
            : Quality is < 1 or > 100 ? $"Rendition '{Name}': Quality must be 1 to 100."
            : "";
        return problem.Length == 0;
    }
}
