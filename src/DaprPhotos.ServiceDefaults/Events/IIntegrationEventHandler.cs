using DaprPhotos.Contracts.Events;

namespace DaprPhotos.ServiceDefaults.Events;

/// <summary>
/// Handles one event type from one topic. Implementations must be idempotent: the same event can
/// arrive more than once and out of order. An exception counts as <see cref="EventOutcome.Retry"/>.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task<EventOutcome> HandleAsync(
        TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}

/// <summary>Where a delivery came from: its topic and the CloudEvent's id and type.</summary>
public sealed record IntegrationEventContext(string Topic, string? CloudEventId, string? CloudEventType);
