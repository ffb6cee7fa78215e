using System.Globalization;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.DeadLetters;

/// <summary>One page of dead letters; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetterRecord> Items, string? Continuation);

/// <summary>
/// <c>GET /admin/dead-letters</c>: newest first, optionally one state, paged with an opaque token (a
/// day and the position in it to go on below). A page reads at most a few days.
/// </summary>
public static class ListDeadLettersHandler
{
    public const int MaxLimit = 100;
    private const int MaxDaysPerPage = 8;

    public static async Task<IResult> HandleAsync(
        DeadLetterState? state, int? limit, string? continuation, DeadLetterStore store,
        CancellationToken cancellationToken)
    {
        var pageSize = limit ?? 20;
        if (pageSize is < 1 or > MaxLimit || !TryDecode(continuation, out var from))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid paging",
                detail: $"limit must be 1 to {MaxLimit}; "
                    + "continuation must be the previous page's, unchanged.");
        }

        var items = new List<DeadLetterRecord>();
        var days = (await store.DaysAsync(cancellationToken))
            .Where(day => from is null || string.CompareOrdinal(day, from.Day) <= 0)
            .Take(MaxDaysPerPage)
            .ToList();
        foreach (var day in days)
        {
            // Ids are kept in arrival order: paging down from an index is stable while more arrive.
            var ids = await store.DayAsync(day, cancellationToken);
            var before = from?.Day == day ? Math.Min(from.Before, ids.Count) : ids.Count;
            var records = (await store.GetManyAsync([.. ids.Take(before)], cancellationToken))
                .ToDictionary(record => record.Id);
            for (var i = before - 1; i >= 0; i--)
            {
                if (items.Count == pageSize)
                {
                    return TypedResults.Ok(new DeadLetterPage(items, Encode(new PageToken(day, i + 1))));
                }

                if (records.GetValueOrDefault(ids[i]) is { } record
                    && (state is null || record.State == state))
                {
                    items.Add(record);
                }
            }
        }

        var more = days.Count == MaxDaysPerPage
            ? Encode(new PageToken(PreviousDay(days[^1]), int.MaxValue))
            : null;
        return TypedResults.Ok(new DeadLetterPage(items, more));
    }

    private sealed record PageToken(string Day, int Before);

    // Days are yyyyMMdd: the day before the last one read starts the next page.
    private static string PreviousDay(string day) =>
        DateOnly.ParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture)
            .AddDays(-1)
            .ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Encode(PageToken token) => ContinuationTokens.Encode(token);

    private static bool TryDecode(string? text, out PageToken? token) =>
        ContinuationTokens.TryDecode(
            text, position => position is { Day.Length: 8, Before: >= 0 }, out token);
}
