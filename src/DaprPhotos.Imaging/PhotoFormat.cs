namespace DaprPhotos.Imaging;

/// <summary>The formats DaprPhotos accepts; every other decoder stays switched off.</summary>
public sealed record PhotoFormat(string Name, string MediaType, string Extension)
{
    public static PhotoFormat Jpeg { get; } = new("JPEG", "image/jpeg", ".jpg");

    public static PhotoFormat Png { get; } = new("PNG", "image/png", ".png");

    public static PhotoFormat Gif { get; } = new("GIF", "image/gif", ".gif");

    public static PhotoFormat Webp { get; } = new("WebP", "image/webp", ".webp");

    public static IReadOnlyList<PhotoFormat> Supported { get; } = [Jpeg, Png, Gif, Webp];

    /// <summary>For messages: "JPEG, PNG, GIF and WebP".</summary>
    public static string SupportedNames { get; } =
        $"{string.Join(", ", Supported.SkipLast(1).Select(format => format.Name))} and {Supported[^1].Name}";

    public static PhotoFormat? FromName(string name) =>
        Supported.FirstOrDefault(format => format.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
