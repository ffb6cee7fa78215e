using Dapr.Client;
using DaprPhotos.Testing.Hosting;
using Google.Protobuf;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>What daprd checks before a state call reaches the store: body size and API token.</summary>
public sealed class SidecarGateTests
{
    [Fact] // dapr-answers §6: grpc-go's MaxRecvMsgSize, 4 MiB by default
    public async Task ASaveOverFourMebibytesIsResourceExhausted()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var value = new byte[TestSidecarOptions.DefaultMaxBodySizeBytes];

        var status = await StatusOf(() => client.SaveByteStateAsync(Store, "big", value,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.ResourceExhausted, status.StatusCode);
        Assert.Equal($"grpc: received message larger than max ({SizeOfSave("big", value)} vs. 4194304)",
            status.Status.Detail);
    }

    [Fact] // dapr-answers §6: --max-body-size
    public async Task MaxBodySizeBytesMovesTheLimit()
    {
        await using var environment = StoreOfType(Redis);
        var options = new TestSidecarOptions { MaxBodySizeBytes = 1024 };
        using var client = (await environment.StartSidecarAsync("orders", options)).CreateDaprClient();
        var value = new byte[1024];

        var status = await StatusOf(() => client.SaveByteStateAsync(Store, "big", value,
            cancellationToken: Cancellation));

        Assert.Equal($"grpc: received message larger than max ({SizeOfSave("big", value)} vs. 1024)",
            status.Status.Detail);
    }

    [Fact] // contract §10 / daprd API token interceptor
    public async Task WithAnApiTokenACallWithoutItIsUnauthenticated()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders",
            new TestSidecarOptions { ApiToken = "secret" });
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();

        var status = await StatusOf(() => client.GetStateAsync<string>(Store, "k",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
        Assert.Equal("missing api token in request metadata", status.Status.Detail);
    }

    [Fact] // daprd API token interceptor
    public async Task WithAnApiTokenAWrongTokenIsUnauthenticated()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders",
            new TestSidecarOptions { ApiToken = "secret" });
        using var client = new DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.GrpcEndpoint)
            .UseDaprApiToken("guess")
            .Build();

        var status = await StatusOf(() => client.GetStateAsync<string>(Store, "k",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
        Assert.Equal("authentication error: api token mismatch", status.Status.Detail);
    }

    [Fact] // daprd API token interceptor; CreateDaprClient passes the token as an app would
    public async Task WithAnApiTokenTheRightTokenIsServed()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders",
            new TestSidecarOptions { ApiToken = "secret" });
        using var client = sidecar.CreateDaprClient();

        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);

        Assert.Equal("v", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    private static int SizeOfSave(string key, byte[] value) =>
        new DaprProto.SaveStateRequest
        {
            StoreName = Store,
            States = { new DaprProto.StateItem { Key = key, Value = ByteString.CopyFrom(value) } },
        }.CalculateSize();
}
