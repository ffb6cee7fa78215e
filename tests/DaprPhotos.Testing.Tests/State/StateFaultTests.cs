using System.Net;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Testing.Hosting;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;
using TestResources = DaprPhotos.Testing.Tests.Support.Resources;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// Injected failures on state calls, as daprd's outbound resiliency and health routes see them.
/// </summary>
public sealed class StateFaultTests
{
    private const string OutboundRetry = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: state-retries
        spec:
          policies:
            retries:
              storeRetry:
                policy: constant
                duration: 1s
                maxRetries: 3
          targets:
            components:
              statestore:
                outbound:
                  retry: storeRetry
        """;

    [Fact] // dapr-answers §3: no Resiliency resource, so the component call is tried once
    public async Task AFailingStoreWithoutResiliencyFailsTheCallWithInternal()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        environment.Faults.FailState(store: Store, times: 2);

        var status = await StatusOf(() => client.SaveStateAsync(Store, "k", "v",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
    }

    [Fact] // contract §3.4: an outbound retry policy on the store absorbs transient component errors
    public async Task AnOutboundRetryPolicyRetriesAFailingStoreUntilItSucceeds()
    {
        await using var environment = new DaprTestEnvironment(
            TestResources.Load(TestResources.RedisState(Store), OutboundRetry));
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var rule = environment.Faults.FailState(store: Store, times: 2);

        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);

        Assert.Equal(2, rule.Injected);
        Assert.Equal("v", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // the call never reaches daprd
    public async Task AnUnreachableSidecarFaultIsUnavailable()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        environment.Faults.FailState(times: 1, kind: FaultKind.SidecarUnreachable);

        var status = await StatusOf(() => client.GetStateAsync<string>(Store, "k",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Unavailable, status.StatusCode);
    }

    [Fact]
    public async Task AnUnavailableSidecarAnswersUnavailableUntilTheScopeEnds()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();

        var outage = sidecar.BeUnavailable();
        var during = await StatusOf(() => client.GetStateAsync<string>(Store, "k",
            cancellationToken: Cancellation));
        outage.Dispose();
        var after = await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation);

        Assert.Equal(StatusCode.Unavailable, during.StatusCode);
        Assert.Null(after);
    }

    [Fact] // daprd's /v1.0/healthz/outbound: 204 when ready, 500 when not
    public async Task TheOutboundHealthRouteAnswers204AndFiveHundredWhileUnavailable()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var http = new HttpClient { BaseAddress = new Uri(sidecar.HttpEndpoint) };

        var healthy = await http.GetAsync("/v1.0/healthz/outbound", Cancellation);
        HttpStatusCode down;
        using (sidecar.BeUnavailable())
        {
            down = (await http.GetAsync("/v1.0/healthz/outbound", Cancellation)).StatusCode;
        }

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.InternalServerError), (healthy.StatusCode,
            down));
    }
}
