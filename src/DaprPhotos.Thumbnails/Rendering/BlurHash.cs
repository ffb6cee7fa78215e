using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>
/// Encodes a BlurHash (blurha.sh): a few cosine components of the image in about 30 characters,
/// which a client decodes into a blurred placeholder while the rendition loads.
/// </summary>
public static class BlurHash
{
    private const string Digits =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    public static string Encode(Image<Rgb24> image, int componentsX = 4, int componentsY = 3)
    {
        var factors = new (double R, double G, double B)[componentsX * componentsY];
        for (var j = 0; j < componentsY; j++)
        {
            for (var i = 0; i < componentsX; i++)
            {
                factors[(j * componentsX) + i] = Factor(image, i, j);
            }
        }

        var dc = factors[0];
        var ac = factors.Skip(1).ToArray();
        var hash = new System.Text.StringBuilder();
        hash.Append(Base83(componentsX - 1 + ((componentsY - 1) * 9), 1));

        var maximum = 1.0;
        if (ac.Length > 0)
        {
            var actualMaximum = ac.Max(f => Math.Max(Math.Abs(f.R), Math.Max(Math.Abs(f.G), Math.Abs(f.B))));
            var quantised = (int)Math.Max(0, Math.Min(82, Math.Floor((actualMaximum * 166) - 0.5)));
            maximum = (quantised + 1) / 166.0;
            hash.Append(Base83(quantised, 1));
        }
        else
        {
            hash.Append(Base83(0, 1));
        }

        hash.Append(Base83((ToSrgb(dc.R) << 16) + (ToSrgb(dc.G) << 8) + ToSrgb(dc.B), 4));
        foreach (var (r, g, b) in ac)
        {
            var quantised = (Quantise(r, maximum) * 19 * 19)
                + (Quantise(g, maximum) * 19)
                + Quantise(b, maximum);
            hash.Append(Base83(quantised, 2));
        }

        return hash.ToString();
    }

    private static (double R, double G, double B) Factor(Image<Rgb24> image, int i, int j)
    {
        double r = 0, g = 0, b = 0;
        var normalisation = i == 0 && j == 0 ? 1.0 : 2.0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var basisY = Math.Cos(Math.PI * j * y / rows.Height);
                for (var x = 0; x < row.Length; x++)
                {
                    var basis = normalisation * Math.Cos(Math.PI * i * x / row.Length) * basisY;
                    r += basis * ToLinear(row[x].R);
                    g += basis * ToLinear(row[x].G);
                    b += basis * ToLinear(row[x].B);
                }
            }
        });

        var scale = 1.0 / (image.Width * image.Height);
        return (r * scale, g * scale, b * scale);
    }

    private static int Quantise(double value, double maximum) =>
        (int)Math.Max(0, Math.Min(18, Math.Floor((SignPow(value / maximum, 0.5) * 9) + 9.5)));

    private static double SignPow(double value, double exponent) =>
        Math.CopySign(Math.Pow(Math.Abs(value), exponent), value);

    private static double ToLinear(byte value)
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static int ToSrgb(double value)
    {
        var v = Math.Clamp(value, 0, 1);
        return v <= 0.0031308
            ? (int)((v * 12.92 * 255) + 0.5)
            : (int)((((1.055 * Math.Pow(v, 1 / 2.4)) - 0.055) * 255) + 0.5);
    }

    private static string Base83(int value, int length)
    {
        var chars = new char[length];
        for (var position = 1; position <= length; position++)
        {
            chars[position - 1] = Digits[value / (int)Math.Pow(83, length - position) % 83];
        }

        return new string(chars);
    }
}
