using System.Runtime.InteropServices;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Bench.Upload;

/// <summary>
/// A JPEG of about a given size, encoded once; every <see cref="NextVariant"/> differs in a comment
/// segment, so the service stores each upload instead of answering "duplicate" from its hash claim.
/// </summary>
internal sealed class BenchPhoto
{
    private static readonly JpegEncoder Encoder = new() { Quality = 100 };
    private readonly byte[] _jpeg;
    private int _variants;

    private BenchPhoto(string label, byte[] jpeg, int side)
    {
        Label = label;
        _jpeg = jpeg;
        Side = side;
    }

    public string Label { get; }

    public int Side { get; }

    public int Length => _jpeg.Length;

    /// <summary>Random noise, which JPEG cannot compress, sized by the bytes per pixel of a sample.</summary>
    public static BenchPhoto Create(string label, int approximateBytes, int seed)
    {
        const int sampleSide = 256;
        var bytesPerPixel = (double)Encode(sampleSide, seed).Length / (sampleSide * sampleSide);

        // Square and well inside the service's limits (50 megapixels, 12,000 px a side).
        var side = (int)Math.Sqrt(approximateBytes / bytesPerPixel);
        return new BenchPhoto(label, Encode(side, seed), side);
    }

    /// <summary>The photo with a COM segment after SOI naming the variant: new bytes, same image.</summary>
    public byte[] NextVariant()
    {
        var comment = Encoding.ASCII.GetBytes($"DaprPhotos upload benchmark variant {++_variants:D8}");
        var segmentLength = comment.Length + 2;
        var variant = new byte[_jpeg.Length + 2 + segmentLength];

        _jpeg.AsSpan(0, 2).CopyTo(variant);
        variant[2] = 0xFF;
        variant[3] = 0xFE;
        variant[4] = (byte)(segmentLength >> 8);
        variant[5] = (byte)segmentLength;
        comment.CopyTo(variant.AsSpan(6));
        _jpeg.AsSpan(2).CopyTo(variant.AsSpan(6 + comment.Length));
        return variant;
    }

    private static byte[] Encode(int side, int seed)
    {
        var random = new Random(seed);
        using var image = new Image<Rgb24>(side, side);
        image.ProcessPixelRows(pixels =>
        {
            for (var y = 0; y < pixels.Height; y++)
            {
                random.NextBytes(MemoryMarshal.AsBytes(pixels.GetRowSpan(y)));
            }
        });

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, Encoder);
        return stream.ToArray();
    }
}
