using System.Text;
using System.Text.Json;
using Dapr.Client;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Tests.PubSub;
using Grpc.Core;

namespace DaprPhotos.Testing.Tests.Outbox;

/// <summary>
/// The transactional outbox (dapr pkg/runtime/pubsub/outbox.go): a state transaction on a store
/// with outboxPublishPubsub/outboxPublishTopic publishes one event per upsert once it commits.
/// </summary>
public sealed class OutboxTests
{
    private const string OutboxMetadata = """
        - name: outboxPublishPubsub
          value: pubsub
        - name: outboxPublishTopic
          value: records-created
        """;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACommittedTransactionPublishesItsProjectionWithTheOperationsMetadataAsCloudEventFields()
    {
        await using var environment = Environment();
        using var client = (await environment.StartSidecarAsync("writer")).CreateDaprClient();

        await client.ExecuteStateTransactionAsync(
            "records", [Record("r1"), Projection("r1")], cancellationToken: Cancellation);

        var published = await PublishedOnAsync(environment, "records-created");
        using var cloudEvent = JsonDocument.Parse(published.Body);
        Assert.Equal("record.created.v1", cloudEvent.RootElement.GetProperty("type").GetString());
        Assert.Equal("writer", cloudEvent.RootElement.GetProperty("source").GetString());
        Assert.Equal("records-created", cloudEvent.RootElement.GetProperty("topic").GetString());
        Assert.StartsWith("outbox-", cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.Equal("r1", cloudEvent.RootElement.GetProperty("data").GetProperty("event").GetString());
        var stored = await client.GetByteStateAsync("records", "r1", cancellationToken: Cancellation);
        Assert.Equal("{\"state\":\"r1\"}", Encoding.UTF8.GetString(stored.Span));
    }

    [Fact]
    public async Task TheMarkerKeyIsRemovedOnceTheEventIsPublished()
    {
        await using var environment = Environment();
        using var client = (await environment.StartSidecarAsync("writer")).CreateDaprClient();

        await client.ExecuteStateTransactionAsync(
            "records", [Record("r1"), Projection("r1")], cancellationToken: Cancellation);
        await PublishedOnAsync(environment, "records-created");
        await environment.WhenIdleAsync();

        Assert.Equal(["writer||r1"], environment.StateStore("records").Keys);
    }

    [Fact]
    public async Task AFailedInternalPublishFailsTheTransactionAndStoresNothing()
    {
        await using var environment = Environment();
        using var client = (await environment.StartSidecarAsync("writer")).CreateDaprClient();
        environment.Faults.FailPublish(topic: "writerrecords-createdoutbox");

        var error = await Assert.ThrowsAsync<Dapr.DaprException>(() => client.ExecuteStateTransactionAsync(
            "records", [Record("r1"), Projection("r1")], cancellationToken: Cancellation));

        var status = ((RpcException)error.InnerException!).Status;
        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.StartsWith("error while publishing outbox message", status.Detail);
        Assert.Empty(environment.StateStore("records").Keys);
    }

    [Fact]
    public async Task ATransientFailureOfTheFinalPublishIsRetriedByTheOutboundPolicy()
    {
        await using var environment = Environment(
            PubSubKit.OutboundRetry("policy: constant\nduration: 1s\nmaxRetries: 3"));
        using var client = (await environment.StartSidecarAsync("writer")).CreateDaprClient();
        var fault = environment.Faults.FailPublish(topic: "records-created", times: 2);

        await client.ExecuteStateTransactionAsync(
            "records", [Record("r1"), Projection("r1")], cancellationToken: Cancellation);

        await PublishedOnAsync(environment, "records-created");
        Assert.Equal(2, fault.Injected);
    }

    [Fact]
    public async Task WithoutARetryPolicyAFailedFinalPublishLosesTheEventBecauseRedisAcknowledgesFailedMessages()
    {
        await using var environment = Environment();
        using var client = (await environment.StartSidecarAsync("writer")).CreateDaprClient();
        environment.Faults.FailPublish(topic: "records-created", times: 1);

        await client.ExecuteStateTransactionAsync(
            "records", [Record("r1"), Projection("r1")], cancellationToken: Cancellation);
        await environment.Messages.WaitForAsync(
            message => message is MessageSettled { Reason: SettleReason.ReturnedToBroker },
            "the relay to give up",
            cancellationToken: Cancellation);
        await environment.WhenIdleAsync();

        Assert.Empty(environment.Messages.Where(message =>
            message is MessagePublished { Topic: "records-created" }));
    }

    private static DaprTestEnvironment Environment(params string[] extra) => PubSubKit.Redis(
        [Support.Resources.RedisState("records", OutboxMetadata), .. extra]);

    private static async Task<MessagePublished> PublishedOnAsync(
        DaprTestEnvironment environment, string topic) =>
        (MessagePublished)await environment.Messages.WaitForAsync(
            message => message is MessagePublished published && published.Topic == topic,
            $"a message on {topic}",
            cancellationToken: Cancellation);

    private static StateTransactionRequest Record(string key) => new(
        key, Encoding.UTF8.GetBytes($"{{\"state\":\"{key}\"}}"), StateOperationType.Upsert,
        metadata: new Dictionary<string, string> { ["type"] = "record.created.v1" });

    private static StateTransactionRequest Projection(string key) => new(
        key, Encoding.UTF8.GetBytes($"{{\"event\":\"{key}\"}}"), StateOperationType.Upsert,
        metadata: new Dictionary<string, string>
        {
            ["outbox.projection"] = "true",
            ["contentType"] = "application/json",
        });
}
