using System.Globalization;

namespace DaprPhotos.Testing.Resiliency;

/// <summary>A list such as <c>500-599,429</c> from a retry policy's <c>matching</c> section.</summary>
public sealed class StatusCodeRanges
{
    private readonly List<(int From, int To)> _ranges;

    private StatusCodeRanges(List<(int From, int To)> ranges) => _ranges = ranges;

    public static StatusCodeRanges? ParseOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ranges = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('-', 2))
            .Select(bounds => (Parse(bounds[0], text), Parse(bounds[^1], text)))
            .ToList();
        return new StatusCodeRanges(ranges);
    }

    public bool Contains(int code) => _ranges.Any(range => code >= range.From && code <= range.To);

    private static int Parse(string bound, string text) =>
        int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : throw new FormatException($"'{text}' is not a list of status codes such as 500-599,429");
}
