using System.Net.Http.Json;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using Microsoft.AspNetCore.Routing;

namespace DaprPhotos.ServiceDefaults.Tests;

/// <summary>An event of the tests' own, so the generic endpoint is tested apart from any service.</summary>
internal sealed record SampleEvent(Guid EventId, string PhotoId, DateTimeOffset OccurredAt)
    : IIntegrationEvent
{
    public static string Topic => "sample-happened";

    public static string CloudEventType => "daprphotos.sample.happened.v1";
}

/// <summary>A handler that answers every delivery as the test scripted it, or throws.</summary>
internal sealed class ScriptedHandler(EventOutcome? outcome) : IIntegrationEventHandler<SampleEvent>
{
    public const string AppId = "sample-subscriber";

    public Task<EventOutcome> HandleAsync(
        SampleEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        outcome is { } answer
            ? Task.FromResult(answer)
            : throw new InvalidOperationException("The scripted handler failed.");

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapIntegrationEvent<SampleEvent, ScriptedHandler>(SampleEvent.Topic, AppId);

    public static Task<HttpResponseMessage> DeliverAsync(
        ServiceHost service, SampleEvent sample, CancellationToken cancellationToken) =>
        service.Client.PostAsync(
            $"/events/{SampleEvent.Topic}",
            JsonContent.Create(sample, options: DaprPhotosJson.SerializerOptions),
            cancellationToken);
}
