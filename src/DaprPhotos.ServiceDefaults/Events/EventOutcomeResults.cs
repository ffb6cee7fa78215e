using Microsoft.AspNetCore.Http;

namespace DaprPhotos.ServiceDefaults.Events;

/// <summary>How a subscriber endpoint answers daprd for each outcome of a delivery.</summary>
public static class EventOutcomeResults
{
    /// <summary>
    /// Success is 200 with an empty body, DROP the one status body daprd reads as a drop, and a
    /// retry a 500 problem (daprd retries any 5xx).
    /// </summary>
    public static IResult ToResult(this EventOutcome outcome) => outcome switch
    {
        EventOutcome.Success => Results.Ok(),
        EventOutcome.Drop => Results.Json(new DeliveryStatus("DROP")),
        _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Retry later"),
    };

    private sealed record DeliveryStatus(string Status);
}
