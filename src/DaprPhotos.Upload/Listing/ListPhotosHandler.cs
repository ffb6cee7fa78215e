using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprPhotos.Upload.Listing;

/// <summary>
/// <c>GET /photos</c>: newest first, paged with a continuation token, optionally filtered by
/// status. Deleted photos appear only when asked for by status. A page spends at most
/// <see cref="MaxReads"/> sidecar reads, so its cost stays bounded even when a filter matches
/// little; a page that ran out of reads still carries a token to go on from.
/// </summary>
public static class ListPhotosHandler
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const int MaxReads = 16;

    public static async Task<IResult> HandleAsync(
        PhotoStatus? status, int? limit, string? continuation, ListingIndex listing, PhotoRepository photos,
        CancellationToken cancellationToken)
    {
        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid limit",
                detail: $"limit must be between 1 and {MaxLimit}; got {pageSize}.");
        }

        if (!ListingToken.TryDecode(continuation, out var token))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid continuation token",
                detail: "Pass back the continuation value of the previous page unchanged.");
        }

        var page = new List<PhotoResponse>();
        var reads = 1;
        var days = (await listing.DaysAsync(cancellationToken))
            .Where(day => token is null || string.CompareOrdinal(day, token.Day) <= 0);

        foreach (var day in days)
        {
            var entries = (await listing.DayAsync(day, cancellationToken))
                .Where(entry => token is null || day != token.Day || token.Admits(entry));
            reads++;

            foreach (var batch in entries.Chunk(pageSize * 2))
            {
                if (reads >= MaxReads)
                {
                    var next = new ListingToken(day, batch[0].PhotoId, batch[0].UploadedAt, Inclusive: true);
                    return Page(page, next);
                }

                IReadOnlyList<string> photoIds = [.. batch.Select(entry => entry.PhotoId)];
                var records = (await photos.GetManyAsync(photoIds, cancellationToken))
                    .ToDictionary(record => record.Id);
                reads++;
                foreach (var entry in batch)
                {
                    if (records.GetValueOrDefault(entry.PhotoId) is { } record && Matches(record, status))
                    {
                        page.Add(PhotoResponse.From(record));
                        if (page.Count == pageSize)
                        {
                            return Page(page, new ListingToken(day, entry.PhotoId, entry.UploadedAt));
                        }
                    }
                }
            }
        }

        return Page(page, null);
    }

    private static Ok<PhotoPage> Page(List<PhotoResponse> items, ListingToken? next) =>
        TypedResults.Ok(new PhotoPage(items, next?.Encode()));

    private static bool Matches(PhotoRecord record, PhotoStatus? status) =>
        status is { } wanted ? record.Status == wanted : record.Status != PhotoStatus.Deleted;
}

/// <summary>One page of photos; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record PhotoPage(IReadOnlyList<PhotoResponse> Items, string? Continuation);
