using System.Globalization;

namespace DaprPhotos.Imaging;

/// <summary>
/// The largest image DaprPhotos accepts. Both bounds matter: a 1 x 8,000,000 strip passes a
/// megapixel cap but not a side cap.
/// </summary>
public sealed record ImageLimits(long MaxPixels, int MaxSidePixels)
{
    public const long DefaultMaxPixels = 50_000_000;
    public const int DefaultMaxSidePixels = 12_000;

    public static ImageLimits Default { get; } = new(DefaultMaxPixels, DefaultMaxSidePixels);

    /// <returns>Why the size is refused, or null when it is within the limits.</returns>
    /// <remarks>Invariant culture: the message is English on any host ("12,000", "56.6").</remarks>
    public string? Violation(ImageSize size)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (size.Width > MaxSidePixels || size.Height > MaxSidePixels)
        {
            return string.Create(
                invariant, $"The image is {size} pixels; no side may exceed {MaxSidePixels:N0} pixels.");
        }

        return size.Pixels > MaxPixels
            ? string.Create(
                invariant,
                $"The image is {size} pixels ({size.Pixels / 1e6:0.#} megapixels); "
                + $"the limit is {MaxPixels / 1e6:0.#} megapixels.")
            : null;
    }
}
