using System.Text.Json;
using Dapr;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.ServiceDefaults.Events;

/// <summary>
/// Maps a subscriber endpoint per topic in daprd's terms: it reads the event itself (so a payload
/// that cannot be read is a DROP rather than the 400 daprd would retry), answers success with an
/// empty body, RETRY with 500 and DROP with the status daprd reads, requires the sidecar's app token,
/// and logs the hop with the photo id and event id.
/// </summary>
public static class IntegrationEventEndpoints
{
    public static RouteHandlerBuilder MapIntegrationEvent<TEvent, THandler>(
        this IEndpointRouteBuilder endpoints, string topic, string subscriberAppId, bool deadLetter = true)
        where TEvent : class, IIntegrationEvent
        where THandler : IIntegrationEventHandler<TEvent>
    {
        return endpoints
            .MapPost($"/events/{topic}", (HttpContext http, THandler handler, ILogger<THandler> logger) =>
                HandleAsync(http, handler, topic, logger))
            .WithTopic(new TopicOptions
            {
                PubsubName = ComponentNames.PubSub,
                Name = topic,
                DeadLetterTopic = deadLetter ? Topics.DeadLetter(topic, subscriberAppId) : null,
            })
            .RequireDaprAppToken()
            .ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync<TEvent>(
        HttpContext http, IIntegrationEventHandler<TEvent> handler, string topic, ILogger logger)
        where TEvent : class, IIntegrationEvent
    {
        var context = new IntegrationEventContext(
            topic,
            http.Request.Headers["Cloudevent.id"].FirstOrDefault(),
            http.Request.Headers["Cloudevent.type"].FirstOrDefault());
        TEvent? integrationEvent;
        try
        {
            integrationEvent = await http.Request.ReadFromJsonAsync<TEvent>(
                DaprPhotosJson.SerializerOptions, http.RequestAborted);
        }
        // InvalidOperationException: the body is not JSON at all (say, text/plain).
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            EventLog.Unreadable(logger, topic, context.CloudEventId, ex);
            return Drop();
        }

        if (integrationEvent is null || string.IsNullOrEmpty(integrationEvent.PhotoId))
        {
            EventLog.Unreadable(logger, topic, context.CloudEventId, null);
            return Drop();
        }

        EventLog.Received(logger, topic, integrationEvent.PhotoId, integrationEvent.EventId);
        var outcome = await handler.HandleAsync(integrationEvent, context, http.RequestAborted);
        EventLog.Handled(logger, topic, integrationEvent.PhotoId, integrationEvent.EventId, outcome);
        return outcome switch
        {
            EventOutcome.Success => Results.Ok(),
            EventOutcome.Drop => Drop(),
            _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Retry later"),
        };
    }

    // daprd reads a top-level "status" as its delivery status: DROP is the one place we mean it.
    private static IResult Drop() => Results.Json(new DeliveryStatus("DROP"));

    private sealed record DeliveryStatus(string Status);
}
