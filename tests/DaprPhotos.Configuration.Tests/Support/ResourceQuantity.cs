using System.Globalization;
using System.Text.RegularExpressions;

namespace DaprPhotos.Configuration.Tests.Support;

/// <summary>
/// A Kubernetes resource quantity as the CLI's <c>resource.ParseQuantity</c> reads
/// <c>maxBodySize</c>: an integer with an optional binary (Ki, Mi, Gi) or decimal (k, M, G) suffix.
/// </summary>
public static partial class ResourceQuantity
{
    public static long ParseBytes(string text)
    {
        var match = Quantity().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a quantity such as 4Mi, 8M or 4194304");
        }

        var number = long.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return number * match.Groups["suffix"].Value switch
        {
            "Ki" => 1L << 10,
            "Mi" => 1L << 20,
            "Gi" => 1L << 30,
            "k" => 1_000,
            "M" => 1_000_000,
            "G" => 1_000_000_000,
            _ => 1,
        };
    }

    [GeneratedRegex(@"^(?<number>\d+)(?<suffix>Ki|Mi|Gi|k|M|G)?$")]
    private static partial Regex Quantity();
}
