using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Bench.Indexing;

/// <summary>
/// Times the baseline and every query: a few warm-ups each, one counted run (sidecar calls, keys
/// and bytes read), then rounds in which each runs once, in an order that rotates every round, so a
/// burst of load from a neighbour slows them all rather than whichever happened to be running.
/// </summary>
internal sealed class QueryRun(IndexingHost host, CancellationToken stopping)
{
    public const string BaselineName = "baseline: GetBulkState of 1 key";
    private const int WarmUps = 3;
    private const int MinRounds = 10;
    private const int MaxRounds = 200;

    public async Task<IReadOnlyList<QueryFigures>> RunAsync(
        IReadOnlyList<BenchQuery> queries, string baselineKey, TimeSpan budget)
    {
        var dapr = host.Service<DaprClient>();
        var probes = new List<(string Name, string? Query, Func<Task<Answer>> Run)>
        {
            (BaselineName, null, async () =>
            {
                await dapr.GetBulkStateAsync(
                    ComponentNames.Index, [baselineKey], null, cancellationToken: stopping);
                return new Answer(HttpStatusCode.OK, []);
            }),
            ("GET /health", null, () => GetAsync("/health")),
        };
        probes.AddRange(queries.Select(query =>
            (query.Name, (string?)query.QueryString, (Func<Task<Answer>>)(() => SearchAsync(query)))));

        foreach (var probe in probes)
        {
            for (var i = 0; i < WarmUps; i++)
            {
                await probe.Run();
            }
        }

        var figures = new List<QueryFigures>();
        foreach (var (name, query, run) in probes)
        {
            var before = host.CallCount;
            var answer = await run();
            var calls = host.CallsSince(before);
            figures.Add(new QueryFigures(name, query, new Timings(), calls.Count,
                calls.Sum(call => call.Target.Split(',').Length), host.ValueBytesRead(calls), answer));
            Progress.Write($"  {name}: {answer.Describe()}, {calls.Count} round-trips");
        }

        var elapsed = Stopwatch.StartNew();
        for (var round = 0; round < MaxRounds && (round < MinRounds || elapsed.Elapsed < budget); round++)
        {
            for (var i = 0; i < probes.Count; i++)
            {
                var index = (i + round) % probes.Count;
                var timer = Stopwatch.StartNew();
                await probes[index].Run();
                figures[index].Timings.Add(timer.Elapsed);
            }
        }

        return figures;
    }

    private Task<Answer> SearchAsync(BenchQuery query) =>
        GetAsync($"/search?{query.QueryString.Replace(" ", "%20", StringComparison.Ordinal)}");

    private async Task<Answer> GetAsync(string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative), stopping);
        return new Answer(response.StatusCode, await response.Content.ReadAsByteArrayAsync(stopping));
    }
}

/// <summary>One query's figures; the counts are from the counted run, the times from the rounds.</summary>
internal sealed record QueryFigures(
    string Name,
    string? QueryString,
    Timings Timings,
    int RoundTrips,
    int KeysRead,
    long ValueBytesRead,
    Answer Answer);

/// <summary>What a request answered.</summary>
internal sealed record Answer(HttpStatusCode Status, byte[] Body)
{
    public bool Succeeded => Status == HttpStatusCode.OK;

    /// <summary>The hits on the page, or null when the answer is not a search result.</summary>
    public int? Hits
    {
        get
        {
            if (!Succeeded || Body.Length == 0 || Body[0] != (byte)'{')
            {
                return null;
            }

            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("hits", out var hits) ? hits.GetArrayLength() : null;
        }
    }

    public string Describe()
    {
        if (Succeeded)
        {
            return Hits is { } hits ? $"{hits} hits" : "ok";
        }

        var text = Encoding.UTF8.GetString(Body);
        return $"FAILED {(int)Status}: {text[..Math.Min(text.Length, 300)]}";
    }
}
