using System.Text.Json;
using Dapr;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.ServiceDefaults.Metrics;

namespace DaprPhotos.Upload.Renditions;

/// <summary>
/// Upload hears thumbnails' <c>rendition-set-announced</c>. It is not about a photo, so it has its own
/// endpoint rather than the photo-event one, answering in the same daprd terms
/// (<see cref="EventOutcomeResults"/>) and counted the same way: success, DROP for an unreadable
/// message, and 500 (a retry) for a store fault. It has no dead-letter topic: the next
/// instance to start announces again.
/// </summary>
public static class RenditionSetEvents
{
    public static IEndpointRouteBuilder MapRenditionSetEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"/events/{Topics.RenditionSetAnnounced}", HandleAsync)
            .WithTopic(ComponentNames.PubSub, Topics.RenditionSetAnnounced)
            .RequireDaprAppToken()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        RenditionSets sets,
        PipelineMetrics metrics,
        ILogger<RenditionSets> logger,
        CancellationToken cancellationToken)
    {
        RenditionSetAnnounced? announced;
        try
        {
            announced = await request.ReadFromJsonAsync<RenditionSetAnnounced>(
                DaprPhotosJson.SerializerOptions, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            announced = null;
        }

        if (announced is not { RenditionSet.Length: > 0 })
        {
            UploadLog.UnreadableAnnouncement(logger);
            metrics.EventHandled(Topics.RenditionSetAnnounced, AppIds.Upload, EventOutcome.Drop, lag: null);
            return EventOutcome.Drop.ToResult();
        }

        var kept = await sets.ApplyAsync(announced, cancellationToken);
        UploadLog.RenditionSetAnnounced(logger, announced.RenditionSet, announced.EventId, kept);
        var lag = metrics.LagOf(announced.OccurredAt);
        metrics.EventHandled(Topics.RenditionSetAnnounced, AppIds.Upload, EventOutcome.Success, lag);
        return EventOutcome.Success.ToResult();
    }
}
