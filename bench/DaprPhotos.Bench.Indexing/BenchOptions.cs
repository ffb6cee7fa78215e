using System.Globalization;

namespace DaprPhotos.Bench.Indexing;

/// <summary>The command line: which index sizes to build and how long each phase may take.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> PhotoCounts,
    int Parallelism,
    TimeSpan IndexingBudget,
    TimeSpan QueryBudget,
    int Seed)
{
    public const string Usage =
        "usage: [--photos 10000,100000 | --quick] [--parallelism 4] [--index-minutes 60] "
        + "[--query-seconds 90] [--seed 20261203]";

    /// <summary>The longest the whole run may take, every size included.</summary>
    public TimeSpan RunBudget => (IndexingBudget + QueryBudget + TimeSpan.FromMinutes(5)) * PhotoCounts.Count;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(
            [10_000, 100_000], 4, TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(90), 20261203);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(Usage);
            options = args[i] switch
            {
                "--photos" => options with { PhotoCounts = [.. Value().Split(',').Select(Number)] },
                "--quick" => options with
                {
                    PhotoCounts = [1_000],
                    QueryBudget = TimeSpan.FromSeconds(15),
                },
                "--parallelism" => options with { Parallelism = Number(Value()) },
                "--index-minutes" => options with { IndexingBudget = TimeSpan.FromMinutes(Number(Value())) },
                "--query-seconds" => options with { QueryBudget = TimeSpan.FromSeconds(Number(Value())) },
                "--seed" => options with { Seed = Number(Value()) },
                _ => throw new ArgumentException($"unknown option {args[i]}; {Usage}"),
            };
        }

        return options;
    }

    private static int Number(string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None,
            CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{text}' is not a positive whole number; {Usage}");
}
