using System.Globalization;
using System.Text.RegularExpressions;

namespace DaprPhotos.Testing.Resiliency;

/// <summary>Parses Go duration strings (<c>500ms</c>, <c>5s</c>, <c>1m30s</c>) as daprd reads them.</summary>
internal static partial class GoDuration
{
    public static TimeSpan Parse(string text, string what)
    {
        var matches = Part().Matches(text);
        if (text.Length == 0 || matches.Sum(match => match.Length) != text.Length)
        {
            throw new FormatException($"{what}: '{text}' is not a duration such as 500ms, 5s or 1m30s");
        }

        return matches.Aggregate(TimeSpan.Zero, (total, match) =>
        {
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            return total + match.Groups["unit"].Value switch
            {
                "ns" => TimeSpan.FromTicks((long)(value / 100)),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        });
    }

    [GeneratedRegex(@"(?<value>\d+(\.\d+)?)(?<unit>ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
