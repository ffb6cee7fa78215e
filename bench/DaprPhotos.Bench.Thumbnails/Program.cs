using System.Globalization;
using DaprPhotos.Bench.Thumbnails;

// bench/thumbnails.sh runs the parent; the parent runs this program again for each child.
//   --corpus DIR [--seconds 60] [--cores 1,2] [--phases-of kleiber.jpg,kleiber-rot6.jpg]
//       the whole benchmark
//   --child --pipeline NAME --workers N --corpus DIR --seconds S --outputs DIR
//       one pipeline
//   --phases PHOTO --corpus DIR
//       PhotoRenderer's phases
//   --formats [--limit N] --corpus DIR
//       JPEG and WebP qualities compared: bytes, encode time, PSNR, SSIM (issue 4)
var options = ParseArguments(args);
var corpus = Path.GetFullPath(options.GetValueOrDefault("corpus") ?? Path.Combine("bench", "corpus"));
var seconds = double.Parse(options.GetValueOrDefault("seconds") ?? "60", CultureInfo.InvariantCulture);

if (options.ContainsKey("child"))
{
    return await ChildRun.RunAsync(
        options["pipeline"],
        int.Parse(options["workers"], CultureInfo.InvariantCulture),
        corpus,
        seconds,
        options["outputs"]);
}

if (options.TryGetValue("phases", out var photo))
{
    return await PhaseRun.RunAsync(corpus, photo);
}

if (options.ContainsKey("formats"))
{
    var limit = int.Parse(options.GetValueOrDefault("limit") ?? "1000", CultureInfo.InvariantCulture);
    return FormatComparison.Run(corpus, limit);
}

var cores = (options.GetValueOrDefault("cores") ?? "1,2").Split(',')
    .Select(core => int.Parse(core, CultureInfo.InvariantCulture))
    .ToArray();
var phasePhotos = (options.GetValueOrDefault("phases-of") ?? "kleiber.jpg,kleiber-rot6.jpg").Split(',');
return await new Orchestrator(new BenchSettings(corpus, seconds, cores, phasePhotos)).RunAsync();

static Dictionary<string, string> ParseArguments(string[] args)
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unexpected argument '{args[i]}'.");
        }

        var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
        options[args[i][2..]] = hasValue ? args[++i] : "";
    }

    return options;
}
