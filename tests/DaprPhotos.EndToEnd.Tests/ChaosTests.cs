using DaprPhotos.EndToEnd.Tests.Chaos;
using DaprPhotos.EndToEnd.Tests.Support;

namespace DaprPhotos.EndToEnd.Tests;

/// <summary>
/// A chaos run (<see cref="ChaosRun"/>): 200 uploads of real and broken files through the three
/// services while the broker duplicates and reorders deliveries and state and publish calls fail.
/// Afterwards every photo has settled, the index holds each indexed photo once, no bytes are
/// orphaned and every broken file is explained. The counts are in the test output.
/// </summary>
public sealed class ChaosTests(ChaosRun run) : IClassFixture<ChaosRun>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void RealPhotosAreAcceptedAndOnlyFilesUploadCanTellAreBrokenAreRefused()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(ChaosReport.Write(run));

        var wrong = run.Answers
            .Where(answer =>
                answer.RefusedAtTheDoor != (answer.Upload.Expected == Expectation.RefusedAtTheDoor))
            .Select(answer => $"{answer.Upload.Number} {answer.Upload.Kind}: {(int)answer.Status}");

        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryPhotoEndsIndexedOrFailedWithAReason()
    {
        var unsettled = run.Photos.Where(photo => photo.Status switch
        {
            PhotoView.Indexed => false,
            PhotoView.Failed => string.IsNullOrWhiteSpace(photo.LastError),
            _ => true,
        });

        Assert.Empty(unsettled);
    }

    [Fact]
    public void EveryAcceptedBrokenFileFailedAndIsExplainedByPhotoFailedOrADeadLetter()
    {
        var environment = run.Pipeline.Environment;
        var explained = ChaosEvidence.PhotoFailedIds(environment)
            .Union(ChaosEvidence.DeadLetteredPhotoIds(environment))
            .ToHashSet();
        var status = run.Photos.ToDictionary(photo => photo.Id, photo => photo.Status);

        var unexplained = run.Answers
            .Where(answer => answer.Accepted && answer.Upload.IsBroken)
            .Where(answer => status.GetValueOrDefault(answer.PhotoId!) != PhotoView.Failed
                || !explained.Contains(answer.PhotoId!))
            .Select(answer =>
                $"{answer.Upload.Kind} {answer.PhotoId}: {status.GetValueOrDefault(answer.PhotoId!)}");

        Assert.Empty(unexplained);
    }

    [Fact]
    public async Task SearchFindsEveryIndexedPhotoExactlyOnce()
    {
        var indexed = run.Photos.Where(photo => photo.Status == PhotoView.Indexed).Select(photo => photo.Id);

        var found = await run.Pipeline.SearchAsync($"q={ChaosUploads.TitleWord}", Cancellation);

        var foundOnce = found.GroupBy(id => id).Where(hits => hits.Count() == 1).Select(hits => hits.Key);
        Assert.Equal(indexed.Order(), foundOnce.Intersect(indexed).Order());
    }

    [Fact]
    public void NoPostingListHoldsAPhotoTwice()
    {
        var repeats = run.Pipeline.PostingLists()
            .SelectMany(list => list.PhotoIds.GroupBy(id => id).Where(g => g.Count() > 1)
                .Select(g => $"{list.Key}: {g.Key} x{g.Count()}"));

        Assert.Empty(repeats);
    }

    [Fact]
    public void NoOriginalOrRenditionIsOrphaned()
    {
        Assert.Empty(run.Orphans);
    }
}
