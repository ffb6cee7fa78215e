using Dapr;
using DaprPhotos.Testing.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Contract §5 and dapr-answers §9: how daprd refuses a publish.</summary>
public sealed class PublishErrorTests
{
    // dapr-answers §9: an empty pubsub name (Dapr.Client rejects it itself, so the raw API is used).
    [Fact]
    public async Task EmptyPubSubNameIsInvalidArgument()
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("publisher");
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);

        var error = await Assert.ThrowsAsync<RpcException>(() => new DaprProto.Dapr.DaprClient(channel)
            .PublishEventAsync(
                new DaprProto.PublishEventRequest { Topic = "orders" }, cancellationToken: Cancellation)
            .ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("pubsub name is empty", error.Status.Detail);
    }

    // contract §5: an unknown pubsub (a typo) is InvalidArgument "pubsub X is not found".
    [Fact]
    public async Task UnknownPubSubIsNotFound()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);

        var error = await Assert.ThrowsAsync<DaprException>(
            () => publisher.PublishEventAsync("pubusb", "orders", new { Id = 1 }, Cancellation));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        Assert.Equal("pubsub pubusb is not found", rpc.Status.Detail);
    }

    // dapr-answers §9: an empty topic is InvalidArgument.
    [Fact]
    public async Task EmptyTopicIsInvalidArgument()
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("publisher");
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);

        var error = await Assert.ThrowsAsync<RpcException>(() => new DaprProto.Dapr.DaprClient(channel)
            .PublishEventAsync(
                new DaprProto.PublishEventRequest { PubsubName = "pubsub" }, cancellationToken: Cancellation)
            .ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("topic is empty in pubsub pubsub", error.Status.Detail);
    }

    // dapr-answers §9: publishingScopes limit an app to its topics; others are PermissionDenied.
    [Fact]
    public async Task TopicOutsideThePublishingScopesIsPermissionDenied()
    {
        await using var environment = new DaprTestEnvironment(Support.Resources.Load(
            Support.Resources.RedisPubSub(
                metadata: "- name: publishingScopes\n  value: \"publisher=orders\"\n")));
        using var publisher = await PublisherAsync(environment);
        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var error = await Assert.ThrowsAsync<DaprException>(
            () => publisher.PublishEventAsync("pubsub", "refunds", new { Id = 1 }, Cancellation));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal(StatusCode.PermissionDenied, rpc.StatusCode);
        Assert.Equal("topic refunds is not allowed for app id publisher", rpc.Status.Detail);
    }
}
