using System.Diagnostics;
using System.Globalization;
using DaprPhotos.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// Issue 4's format question (--formats): each photo decoded once, upright, resized to 1280 px, then
/// 256 px from that (the Rgb24 references), encoded as JPEG and lossy WebP at several qualities:
/// bytes, encode time (median of 3), PSNR and SSIM of the decoded result against the reference.
/// </summary>
public static class FormatComparison
{
    private static readonly (string Format, int Quality)[] Settings =
        [("jpeg", 70), ("jpeg", 75), ("jpeg", 80), ("jpeg", 85), ("jpeg", 90),
         ("webp", 70), ("webp", 75), ("webp", 80), ("webp", 85)];

    private static readonly int[] Sizes = [1280, 256];

    private sealed record Sample(
        int Size, string Format, int Quality, int Bytes, double Ms, double Psnr, double Ssim);

    public static int Run(string corpusDirectory, int limit)
    {
        var configuration = SafeImageConfiguration.Create();
        var photos = BenchPhoto.LoadCorpus(corpusDirectory).Take(limit).ToList();
        var samples = new List<Sample>();
        foreach (var photo in photos)
        {
            Console.Error.WriteLine($"formats: {photo.Name}");
            using var original = Image.Load<Rgb24>(configuration, photo.Bytes);
            original.Mutate(context => context.AutoOrient());
            Image<Rgb24> current = original;
            foreach (var size in Sizes)
            {
                var next = current.Clone(context => context.Resize(Fit(current.Size(), size)));
                (current != original ? current : null)?.Dispose();
                current = next;
                samples.AddRange(Settings.Select(setting => Measure(configuration, current, size, setting)));
            }

            current.Dispose();
        }

        foreach (var size in Sizes)
        {
            PrintTable(size, photos.Count, samples.Where(sample => sample.Size == size).ToList());
        }

        return 0;
    }

    private static Sample Measure(
        Configuration configuration, Image<Rgb24> reference, int size, (string Format, int Quality) setting)
    {
        IImageEncoder encoder = setting.Format == "webp"
            ? new WebpEncoder { Quality = setting.Quality, FileFormat = WebpFileFormatType.Lossy }
            : new JpegEncoder { Quality = setting.Quality };
        var times = new List<double>();
        byte[] bytes = [];
        for (var run = 0; run < 3; run++)
        {
            using var stream = new MemoryStream();
            var watch = Stopwatch.StartNew();
            reference.Save(stream, encoder);
            times.Add(watch.Elapsed.TotalMilliseconds);
            bytes = stream.ToArray();
        }

        using var decoded = Image.Load<Rgb24>(configuration, bytes);
        var (psnr, ssim) = Compare(reference, decoded);
        return new Sample(
            size, setting.Format, setting.Quality, bytes.Length, Statistics.Median(times), psnr, ssim);
    }

    // PSNR over R, G and B; SSIM on luma over 8x8 blocks (non-overlapping, uniform weights), averaged.
    private static (double Psnr, double Ssim) Compare(Image<Rgb24> reference, Image<Rgb24> decoded)
    {
        int width = reference.Width, height = reference.Height;
        Rgb24[] a = new Rgb24[width * height], b = new Rgb24[width * height];
        reference.CopyPixelDataTo(a);
        decoded.CopyPixelDataTo(b);
        double squares = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double dr = a[i].R - b[i].R, dg = a[i].G - b[i].G, db = a[i].B - b[i].B;
            squares += dr * dr + dg * dg + db * db;
        }

        var mse = squares / (3.0 * a.Length);
        var psnr = mse == 0 ? 99 : 10 * Math.Log10(255.0 * 255.0 / mse);
        const double c1 = 6.5025, c2 = 58.5225; // (0.01 * 255)^2, (0.03 * 255)^2
        double ssimSum = 0;
        var blocks = 0;
        for (var block = 0; block < (width / 8) * (height / 8); block++, blocks++)
        {
            int x0 = block % (width / 8) * 8, y0 = block / (width / 8) * 8;
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            for (var i = 0; i < 64; i++)
            {
                var at = (y0 + i / 8) * width + x0 + i % 8;
                double la = Luma(a[at]), lb = Luma(b[at]);
                sa += la; sb += lb; saa += la * la; sbb += lb * lb; sab += la * lb;
            }

            double ma = sa / 64, mb = sb / 64;
            double va = saa / 64 - ma * ma, vb = sbb / 64 - mb * mb, cov = sab / 64 - ma * mb;
            ssimSum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        }

        return (psnr, blocks == 0 ? 1 : ssimSum / blocks);
    }

    private static double Luma(Rgb24 pixel) => 0.299 * pixel.R + 0.587 * pixel.G + 0.114 * pixel.B;

    private static void PrintTable(int size, int photoCount, List<Sample> samples)
    {
        var baseline = samples.Where(s => s.Format == "jpeg" && s.Quality == 80).Sum(s => (double)s.Bytes);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"\n### {size} px, {photoCount} photos\n"));
        Console.WriteLine("| format | quality | total KB | KB vs JPEG q80 | median encode ms "
            + "| mean PSNR dB | mean SSIM |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => (s.Format, s.Quality)))
        {
            var bytes = group.Sum(s => (double)s.Bytes);
            var ms = Statistics.Median(group.Select(s => s.Ms));
            var kb = (bytes / 1024).ToString("F0", c);
            var relative = (bytes / baseline * 100).ToString("F0", c);
            var psnr = group.Average(s => s.Psnr).ToString("F2", c);
            var ssim = group.Average(s => s.Ssim).ToString("F4", c);
            Console.WriteLine($"| {group.Key.Format} | {group.Key.Quality} | {kb} | {relative} % "
                + $"| {ms.ToString("F1", c)} | {psnr} | {ssim} |");
        }
    }

    private static Size Fit(Size size, int longestSide) // as PhotoRenderer.Fit
    {
        var scale = Math.Min(1.0, (double)longestSide / Math.Max(size.Width, size.Height));
        return new Size(Math.Max(1, (int)Math.Round(size.Width * scale)),
            Math.Max(1, (int)Math.Round(size.Height * scale)));
    }
}
