using System.Text.Json;
using Dapr;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Metrics;
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
/// logs the hop with the photo id and event id, and records the delivery's outcome and lag
/// (<see cref="PipelineMetrics"/>).
/// </summary>
public static class IntegrationEventEndpoints
{
    public static RouteHandlerBuilder MapIntegrationEvent<TEvent, THandler>(
        this IEndpointRouteBuilder endpoints, string topic, string subscriberAppId, bool deadLetter = true)
        where TEvent : class, IIntegrationEvent
        where THandler : IIntegrationEventHandler<TEvent>
    {
        var subscription = new Subscription(topic, subscriberAppId);
        return endpoints
            .MapPost(
                $"/events/{topic}",
                (HttpContext http, THandler handler, PipelineMetrics metrics, ILogger<THandler> logger) =>
                    HandleAsync(http, handler, subscription, metrics, logger))
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
        HttpContext http,
        IIntegrationEventHandler<TEvent> handler,
        Subscription subscription,
        PipelineMetrics metrics,
        ILogger logger)
        where TEvent : class, IIntegrationEvent
    {
        var topic = subscription.Topic;
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
            return DropUnreadable(subscription, metrics);
        }

        if (integrationEvent is null || string.IsNullOrEmpty(integrationEvent.PhotoId))
        {
            EventLog.Unreadable(logger, topic, context.CloudEventId, null);
            return DropUnreadable(subscription, metrics);
        }

        EventLog.Received(logger, topic, integrationEvent.PhotoId, integrationEvent.EventId);
        var lag = metrics.LagOf(integrationEvent.OccurredAt);
        EventOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(integrationEvent, context, http.RequestAborted);
        }
        catch
        {
            // The exception handler answers 500, which daprd retries like any RETRY.
            metrics.EventHandled(topic, subscription.AppId, EventOutcome.Retry, lag);
            throw;
        }

        EventLog.Handled(logger, topic, integrationEvent.PhotoId, integrationEvent.EventId, outcome);
        metrics.EventHandled(topic, subscription.AppId, outcome, lag);
        return outcome.ToResult();
    }

    // An unreadable message has no time to measure lag from; it still counts as a delivery dropped.
    private static IResult DropUnreadable(Subscription subscription, PipelineMetrics metrics)
    {
        metrics.EventHandled(subscription.Topic, subscription.AppId, EventOutcome.Drop, lag: null);
        return EventOutcome.Drop.ToResult();
    }

    private sealed record Subscription(string Topic, string AppId);
}
