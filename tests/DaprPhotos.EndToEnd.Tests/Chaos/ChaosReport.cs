using DaprPhotos.EndToEnd.Tests.Support;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>The counts of a chaos run, for a person to read in the test output.</summary>
internal static class ChaosReport
{
    public static string Write(ChaosRun run)
    {
        var environment = run.Pipeline.Environment;
        var answers = run.Answers;
        var report = new List<string>();
        report.Add(
            $"Chaos run: {answers.Count} uploads, seed {ChaosRun.Seed}, {(int)run.Elapsed.TotalSeconds} s");
        report.Add($"  kinds: {Counts(answers.GroupBy(answer => answer.Upload.Kind))}");
        report.Add($"  accepted: {answers.Count(a => a.Accepted)} "
            + $"(answers {Counts(answers.Where(a => a.Accepted).GroupBy(a => (int)a.Status))})");
        report.Add($"  refused at the door: {answers.Count(a => a.RefusedAtTheDoor)} "
            + $"(answers {Counts(answers.Where(a => a.RefusedAtTheDoor).GroupBy(a => (int)a.Status))})");
        report.Add($"  gave up after 5xx: {answers.Count(a => a.GaveUp)}; "
            + $"uploads retried after 5xx: {answers.Count(a => a.Attempts > 1)}");
        report.Add($"  photo records: {run.Photos.Count} "
            + $"({Counts(run.Photos.GroupBy(photo => photo.Status))})");
        foreach (var reason in run.Photos.Where(p => p.Status == PhotoView.Failed).GroupBy(Reason))
        {
            report.Add($"    failed {reason.Count()}: {reason.Key}");
        }

        report.Add($"  photo-failed events: {ChaosEvidence.PhotoFailedIds(environment).Count} photos");
        report.Add($"  dead letters: {Counts(ChaosEvidence.DeadLettersByTopic(environment))}");
        report.Add($"  duplicates delivered: {ChaosEvidence.DuplicateDeliveries(environment)}");
        report.Add($"  faults injected: {Counts(run.Faults.Select(f => (f.Name, f.Rule.Injected)))}");
        report.Add($"  orphaned blobs keys: {run.Orphans.Count}");
        return string.Join(System.Environment.NewLine, report);
    }

    // Who gave up and the reason's opening words; the rest names the photo's own details.
    private static string Reason(StoredPhoto photo) =>
        $"{photo.LastErrorAppId}: {string.Concat((photo.LastError ?? "no reason").Take(72))}";

    private static string Counts<TKey, T>(IEnumerable<IGrouping<TKey, T>> groups) =>
        Counts(groups.Select(group => ($"{group.Key}", group.Count())));

    private static string Counts(IEnumerable<KeyValuePair<string, int>> counts) =>
        Counts(counts.Select(pair => (pair.Key, pair.Value)));

    private static string Counts(IEnumerable<(string Name, int Count)> counts) =>
        string.Join(", ", counts.OrderBy(count => count.Name, StringComparer.Ordinal)
            .Select(count => $"{count.Name} {count.Count}"));
}
