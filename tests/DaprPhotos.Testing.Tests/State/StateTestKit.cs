using Dapr;
using Dapr.Client;
using DaprPhotos.Testing.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;
using TestResources = DaprPhotos.Testing.Tests.Support.Resources;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>The small vocabulary the state conformance tests share.</summary>
internal static class StateTestKit
{
    public const string Store = "statestore";
    public const string Redis = "state.redis";
    public const string InMemory = "state.in-memory";

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>One state store of <paramref name="type"/> named <see cref="Store"/>, nothing else.</summary>
    public static DaprTestEnvironment StoreOfType(
        string type, string metadata = "", TimeProvider? time = null, string? @namespace = null)
    {
        var store = type == Redis
            ? TestResources.RedisState(Store, metadata)
            : TestResources.InMemoryState(Store, metadata);
        return new DaprTestEnvironment(
            TestResources.Load(store), new DaprTestEnvironmentOptions { Time = time,
                Namespace = @namespace });
    }

    public static Task<string> ReadAsync(DaprClient client, string key) =>
        client.GetStateAsync<string>(Store, key, cancellationToken: Cancellation);

    /// <summary>A read-modify-write: saves <paramref name="value"/> with the ETag just read.</summary>
    public static async Task<bool> TrySaveFreshAsync(DaprClient client, string key, string value)
    {
        var (_, etag) = await client.GetStateAndETagAsync<string>(Store, key,
            cancellationToken: Cancellation);
        return await client.TrySaveStateAsync(Store, key, value, etag, cancellationToken: Cancellation);
    }

    /// <summary>The gRPC status daprd answered, from behind the DaprException the SDK throws.</summary>
    public static async Task<RpcException> StatusOf(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<DaprException>(call);
        return Assert.IsType<RpcException>(exception.InnerException);
    }
}

/// <summary>
/// The generated gRPC stub on a sidecar, for requests the SDK never sends (an empty key, an
/// unknown transaction operation) and for fields it hides (response metadata).
/// </summary>
internal sealed class RawDaprApi : IDisposable
{
    private readonly GrpcChannel _channel;

    public RawDaprApi(TestSidecar sidecar)
    {
        _channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        Api = new DaprProto.Dapr.DaprClient(_channel);
    }

    public DaprProto.Dapr.DaprClient Api { get; }

    public void Dispose() => _channel.Dispose();
}

/// <summary>Requests built the way the SDK builds them, to send through <see cref="RawDaprApi"/>.</summary>
internal static class RawRequests
{
    public static DaprProto.SaveStateRequest Save(
        string key,
        string? etag = null,
        DaprProto.StateOptions.Types.StateConcurrency? concurrency = null,
        string value = "\"v\"")
    {
        var item = new DaprProto.StateItem { Key = key,
            Value = Google.Protobuf.ByteString.CopyFromUtf8(value) };
        if (etag is not null)
        {
            item.Etag = new DaprProto.Etag { Value = etag };
        }

        if (concurrency is { } mode)
        {
            item.Options = new DaprProto.StateOptions { Concurrency = mode };
        }

        return new DaprProto.SaveStateRequest { StoreName = StateTestKit.Store, States = { item } };
    }
}
