using DaprPhotos.ServiceDefaults.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DaprPhotos.ServiceDefaults.Metrics.PipelineMetricNames;
using static DaprPhotos.ServiceDefaults.Tests.PipelineCollectors;

namespace DaprPhotos.ServiceDefaults.Tests;

/// <summary>The generic subscriber endpoint counts every delivery by outcome and measures its lag.</summary>
public sealed class EventMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(EventOutcome.Success, "success")]
    [InlineData(EventOutcome.Retry, "retry")]
    [InlineData(EventOutcome.Drop, "drop")]
    public async Task ADeliveryIsCountedWithItsTopicAppAndOutcome(EventOutcome outcome, string expected)
    {
        await using var service = await StartAsync(outcome);
        using var handled = Collect<long>(service.Services, EventsHandled);

        using var response = await ScriptedHandler.DeliverAsync(service, Sample(Now), Cancellation);

        var delivery = Assert.Single(handled.GetMeasurementSnapshot());
        Assert.Equal(1, delivery.Value);
        Assert.Equal(SampleEvent.Topic, delivery.Tags[TopicTag]);
        Assert.Equal(ScriptedHandler.AppId, delivery.Tags[AppIdTag]);
        Assert.Equal(expected, delivery.Tags[OutcomeTag]);
    }

    [Fact]
    public async Task AHandlerThatThrowsIsCountedAsRetry()
    {
        await using var service = await StartAsync(outcome: null);
        using var handled = Collect<long>(service.Services, EventsHandled);

        using var response = await ScriptedHandler.DeliverAsync(service, Sample(Now), Cancellation);

        Assert.Equal("retry", Assert.Single(handled.GetMeasurementSnapshot()).Tags[OutcomeTag]);
    }

    [Fact]
    public async Task AnUnreadableMessageIsCountedAsDropWithoutLag()
    {
        await using var service = await StartAsync(EventOutcome.Success);
        using var handled = Collect<long>(service.Services, EventsHandled);
        using var lag = Collect<double>(service.Services, EventLag);
        using var garbage = new StringContent("not an event");

        using var response = await service.Client.PostAsync(
            $"/events/{SampleEvent.Topic}", garbage, Cancellation);

        Assert.Equal("drop", Assert.Single(handled.GetMeasurementSnapshot()).Tags[OutcomeTag]);
        Assert.Empty(lag.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task LagIsTheTimeFromOccurredAtToReceiptTaggedWithTheTopic()
    {
        await using var service = await StartAsync(EventOutcome.Success);
        using var lag = Collect<double>(service.Services, EventLag);

        using var response = await ScriptedHandler.DeliverAsync(
            service, Sample(Now.AddSeconds(-90)), Cancellation);

        var measured = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(90, measured.Value);
        Assert.Equal(SampleEvent.Topic, measured.Tags[TopicTag]);
        Assert.Equal("success", measured.Tags[OutcomeTag]);
    }

    [Fact]
    public async Task EveryDeliveryOfTheSameEventIsMeasuredWithItsOwnLag()
    {
        await using var service = await StartAsync(EventOutcome.Retry);
        var clock = (FakeTimeProvider)service.Services.GetRequiredService<TimeProvider>();
        using var lag = Collect<double>(service.Services, EventLag);
        var sample = Sample(Now);

        using var first = await ScriptedHandler.DeliverAsync(service, sample, Cancellation);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var second = await ScriptedHandler.DeliverAsync(service, sample, Cancellation);

        Assert.Equal([0d, 30d], lag.GetMeasurementSnapshot().Select(m => m.Value));
    }

    private static Task<ServiceHost> StartAsync(EventOutcome? outcome) =>
        ServiceHost.StartAsync(
            new ServiceSetup
            {
                Endpoints = ScriptedHandler.Map,
                TestServices = services => services
                    .AddSingleton(new ScriptedHandler(outcome))
                    .AddSingleton<TimeProvider>(new FakeTimeProvider(Now)),
            },
            Cancellation);

    private static SampleEvent Sample(DateTimeOffset occurredAt) =>
        new(Guid.NewGuid(), Guid.CreateVersion7().ToString("N"), occurredAt);
}
