using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>
/// The colour most of the photo is: pixels are binned by their top four bits per channel and the
/// fullest bin's mean is returned, so a blue sky wins over the average of sky and sand.
/// </summary>
public static class DominantColor
{
    public static string Of(Image<Rgb24> image)
    {
        var bins = new Dictionary<int, (long R, long G, long B, int Count)>();
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    var bin = ((pixel.R >> 4) << 8) | ((pixel.G >> 4) << 4) | (pixel.B >> 4);
                    var (r, g, b, count) = bins.GetValueOrDefault(bin);
                    bins[bin] = (r + pixel.R, g + pixel.G, b + pixel.B, count + 1);
                }
            }
        });

        var fullest = bins.Values.MaxBy(bin => bin.Count);
        return fullest.Count == 0
            ? "#000000"
            : $"#{fullest.R / fullest.Count:x2}{fullest.G / fullest.Count:x2}{fullest.B / fullest.Count:x2}";
    }
}
