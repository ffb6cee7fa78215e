using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Contract §1.2: Subscription resources in the resources path.</summary>
public sealed class DeclarativeSubscriptionTests
{
    [Fact]
    public async Task V2Alpha1RoutesRouteByTheCloudEvent()
    {
        await using var environment = Redis(Subscription("v2alpha1", """
            routes:
              rules:
                - match: event.type == "big"
                  path: /big
              default: /small
            """));
        var app = await StartAppAsync(environment, "subscriber");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync(
            "pubsub", "photos", new { Id = 1 }, new() { ["cloudevent.type"] = "big" }, Cancellation);
        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 2 }, Cancellation);
        await environment.WhenIdleAsync();

        Assert.Single(app.Deliveries("/big"));
        Assert.Single(app.Deliveries("/small"));
    }

    [Fact]
    public async Task V1Alpha1RouteIsHonoured()
    {
        await using var environment = Redis(Subscription("v1alpha1", "route: /small"));
        var app = await StartAppAsync(environment, "subscriber");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, Cancellation);
        await environment.SettledAsync("photos");

        Assert.Single(app.Deliveries("/small"));
    }

    [Fact]
    public async Task ScopesLimitTheSubscriptionToTheListedApps()
    {
        await using var environment = Redis(Subscription("v1alpha1", "route: /small", scopes: "- indexing"));

        var outsider = await StartAppAsync(environment, "thumbnails");
        var member = await StartAppAsync(environment, "indexing");

        Assert.Empty(outsider.Sidecar.Subscriptions);
        Assert.Equal(["photos"], member.Sidecar.Subscriptions.Select(subscription => subscription.Topic));
    }

    [Fact]
    public async Task DeadLetterTopicReceivesADroppedMessage()
    {
        await using var environment = Redis(
            Subscription("v1alpha1", "route: /gone\ndeadLetterTopic: photos-dlq"));
        await StartAppAsync(environment, "subscriber");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("photos");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        await environment.PublishedAsync("photos-dlq");
    }

    // contract §1.2: no rule matches and there is no default: dropped as success, never POSTed.
    [Fact]
    public async Task MessageThatMatchesNoRuleIsDroppedAsSuccess()
    {
        await using var environment = Redis(Subscription("v2alpha1", NoDefault));
        var app = await StartAppAsync(environment, "subscriber");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("photos");
        Assert.Equal(SettleReason.Dropped, settled.Reason);
        Assert.Empty(app.Deliveries("/big"));
    }

    [Fact]
    public async Task MessageThatMatchesNoRuleGoesToTheDeadLetterTopicWhenOneIsSet()
    {
        await using var environment = Redis(
            Subscription("v2alpha1", NoDefault + "\ndeadLetterTopic: photos-dlq"));
        await StartAppAsync(environment, "subscriber");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("photos");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        await environment.PublishedAsync("photos-dlq");
    }

    private const string NoDefault =
        "routes:\n  rules:\n    - match: event.type == \"big\"\n      path: /big";

    private static string Subscription(string version, string spec, string scopes = "") => $"""
        apiVersion: dapr.io/{version}
        kind: Subscription
        metadata:
          name: photos-sub
        spec:
          pubsubname: pubsub
          topic: photos
        {string.Join("\n", spec.Split('\n').Select(line => "  " + line))}
        {(scopes.Length == 0 ? "" : "scopes:\n" + scopes)}
        """;

    private static async Task<TinyApp> StartAppAsync(DaprTestEnvironment environment, string appId)
    {
        var sidecar = await environment.StartSidecarAsync(appId);
        return await TinyApp.StartAsync(sidecar, app =>
        {
            app.MapPost("/big", () => Results.Ok());
            app.MapPost("/small", () => Results.Ok());
            app.MapPost("/gone", () => Results.NotFound());
        }, Cancellation);
    }
}
