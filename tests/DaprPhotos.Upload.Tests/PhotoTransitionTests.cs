using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// How events move a record while a reprocessing job waits for it, in whatever order they arrive.
/// </summary>
public sealed class PhotoTransitionTests
{
    private const string Job = "reprocess-1";
    private static readonly DateTimeOffset Later = PhotoEvents.ThumbnailedAt.AddDays(30);

    [Fact]
    public void APhotoIndexedAgainWithTheTargetSetSettlesItsReprocessDone()
    {
        var asked = Reprocessing(Indexed("set-a"), target: "set-b");

        var rendered = PhotoTransitions.Apply(asked, Thumbnailed("set-b", Later))!;
        var indexed = PhotoTransitions.Apply(rendered, PhotoEvents.Indexed(asked.Id))!;

        Assert.Equal(ReprocessOutcome.Pending, rendered.Reprocess?.Outcome);
        Assert.Equal((ReprocessOutcome.Done, "set-b"), (indexed.Reprocess?.Outcome, indexed.RenditionSet));
    }

    [Fact]
    public void AnIndexedEventAheadOfItsRenditionsSettlesTheReprocessWhenTheyArrive()
    {
        var asked = Reprocessing(Indexed("set-a"), target: "set-b");

        var indexed = PhotoTransitions.Apply(asked, PhotoEvents.Indexed(asked.Id))!;
        var rendered = PhotoTransitions.Apply(indexed, Thumbnailed("set-b", Later))!;

        Assert.Equal(ReprocessOutcome.Pending, indexed.Reprocess?.Outcome);
        Assert.Equal(ReprocessOutcome.Done, rendered.Reprocess?.Outcome);
    }

    [Fact]
    public void AFailureDuringAReprocessSettlesItFailedWithTheReason()
    {
        var asked = Reprocessing(Indexed("set-a"), target: "set-b");

        var failed = PhotoTransitions.Apply(asked, PhotoEvents.Failed(asked.Id, "The original is gone."))!;

        Assert.Equal(
            (ReprocessOutcome.Failed, "The original is gone."),
            (failed.Reprocess?.Outcome, failed.Reprocess?.Error));
        Assert.Equal(PhotoStatus.Indexed, failed.Status);
    }

    [Fact]
    public void AnOlderRenditionSetArrivingLateNeverReplacesANewerOne()
    {
        var current = PhotoTransitions.Apply(Indexed("set-a"), Thumbnailed("set-b", Later))!;

        var late = PhotoTransitions.Apply(
            current, Thumbnailed("set-a", PhotoEvents.ThumbnailedAt.AddDays(1)));

        Assert.Equal("set-b", (late ?? current).RenditionSet);
    }

    [Fact]
    public void ARedeliveryThatNamesTheRenditionSetTeachesItToARecordThatDidNotKnowIt()
    {
        var thumbnailed = PhotoEvents.Thumbnailed("p1");
        var known = PhotoTransitions.Apply(Uploaded("p1"), thumbnailed)!;

        var taught = PhotoTransitions.Apply(known, thumbnailed with { RenditionSet = "set-a" });

        Assert.Null(known.RenditionSet);
        Assert.Equal("set-a", taught?.RenditionSet);
    }

    [Fact]
    public void ADeadLetterRedrivenAndDeadLetteredAgainCountsAsASecondFailure()
    {
        var eventId = Guid.NewGuid();
        var once = PhotoTransitions.ApplyDeadLetter(
            Uploaded("p1"), eventId, redrives: 0, Later, AppIds.Upload, Topics.PhotoIndexed)!;

        var redelivered = PhotoTransitions.ApplyDeadLetter(
            once with { Status = PhotoStatus.Indexed },
            eventId,
            0,
            Later,
            AppIds.Upload,
            Topics.PhotoIndexed);
        var again = PhotoTransitions.ApplyDeadLetter(
            once with { Status = PhotoStatus.Indexed },
            eventId,
            1,
            Later,
            AppIds.Upload,
            Topics.PhotoIndexed);

        Assert.Null(redelivered);
        Assert.Equal(2, again?.FailedAttempts);
        Assert.DoesNotContain(eventId, once.AppliedEventIds);
    }

    private static PhotoRecord Reprocessing(PhotoRecord record, string target) =>
        PhotoTransitions.RequestReprocess(record, Job, target)!;

    private static PhotoThumbnailed Thumbnailed(string set, DateTimeOffset at) =>
        PhotoEvents.Thumbnailed("p1") with { OccurredAt = at, RenditionSet = set };

    private static PhotoRecord Indexed(string set)
    {
        var thumbnailed = PhotoTransitions.Apply(
            Uploaded("p1"), Thumbnailed(set, PhotoEvents.ThumbnailedAt))!;
        return PhotoTransitions.Apply(thumbnailed, PhotoEvents.Indexed("p1"))!;
    }

    private static PhotoRecord Uploaded(string id) => new()
    {
        Id = id,
        Status = PhotoStatus.Uploaded,
        FileName = "photo.jpg",
        Format = "JPEG",
        MediaType = "image/jpeg",
        SizeBytes = 1,
        Sha256 = "00",
        Width = 640,
        Height = 480,
        OriginalKey = $"original/{id}",
        UploadedAt = PhotoEvents.ThumbnailedAt.AddMinutes(-1),
    };
}
