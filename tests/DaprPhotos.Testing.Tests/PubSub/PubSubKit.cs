using System.Text.Json;
using Dapr;
using Dapr.Client;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// The vocabulary of the pub/sub conformance tests: a redis (or in-memory) pub/sub named
/// <c>pubsub</c>, one subscriber app whose endpoint answers as the test says, and a publisher.
/// </summary>
internal static class PubSubKit
{
    public const string RetryTwice = "policy: constant\nduration: 1s\nmaxRetries: 2";

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // The fast clock turns every wall-clock millisecond into a second, so on a slow machine a delivery
    // could outlast redis's 60 s processingTimeout and be redelivered; tests not about that set it high.
    private const string NoSpuriousRedelivery = "- name: processingTimeout\n  value: 1h\n";

    public static DaprTestEnvironment Redis(params string[] extraDocuments) =>
        new(Support.Resources.Load(
            [Support.Resources.RedisPubSub(metadata: NoSpuriousRedelivery), .. extraDocuments]));

    public static DaprTestEnvironment Redis(TimeProvider time, params string[] extraDocuments) =>
        new(
            Support.Resources.Load(
                [Support.Resources.RedisPubSub(metadata: NoSpuriousRedelivery), .. extraDocuments]),
            new DaprTestEnvironmentOptions { Time = time });

    public static DaprTestEnvironment InMemory(params string[] extraDocuments) =>
        new(Support.Resources.Load(
            [Support.Resources.Component("pubsub", "pubsub.in-memory", "[]"), .. extraDocuments]));

    /// <summary>
    /// A resiliency resource whose pubsub outbound (publish) policy is the given retry spec.
    /// </summary>
    public static string OutboundRetry(string retry) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: outbound
        spec:
          policies:
            retries:
              publishRetry:
        {string.Join("\n", retry.Split('\n').Select(line => "        " + line))}
          targets:
            components:
              pubsub:
                outbound:
                  retry: publishRetry
        """;

    /// <summary>
    /// A subscriber app with one endpoint, <c>/{topic}</c>, that answers every delivery with
    /// <paramref name="answer"/>.
    /// </summary>
    public static async Task<TinyApp> SubscribeAsync(
        DaprTestEnvironment environment,
        string topic,
        Func<HttpContext, Task<IResult>> answer,
        string? deadLetterTopic = null,
        string appId = "subscriber",
        TestSidecarOptions? options = null,
        bool rawPayload = false)
    {
        var sidecar = await environment.StartSidecarAsync(appId, options);
        var topicOptions = new TopicOptions
        {
            PubsubName = "pubsub",
            Name = topic,
            DeadLetterTopic = deadLetterTopic,
            EnableRawPayload = rawPayload,
        };
        return await TinyApp.StartAsync(
            sidecar, app => app.MapPost($"/{topic}", answer).WithTopic(topicOptions), Cancellation);
    }

    public static Task<TinyApp> SubscribeAsync(
        DaprTestEnvironment environment,
        string topic,
        Func<IResult> answer,
        string? deadLetterTopic = null) =>
        SubscribeAsync(environment, topic, _ => Task.FromResult(answer()), deadLetterTopic);

    public static async Task<DaprClient> PublisherAsync(
        DaprTestEnvironment environment, string appId = "publisher") =>
        (await environment.StartSidecarAsync(appId)).CreateDaprClient();

    public static async Task<T> WaitForAsync<T>(
        this DaprTestEnvironment environment, Func<T, bool> match, string description)
        where T : MessageEvent =>
        (T)await environment.Messages.WaitForAsync(
            message => message is T typed && match(typed), description, cancellationToken: Cancellation);

    public static Task<MessageSettled> SettledAsync(this DaprTestEnvironment environment, string topic) =>
        environment.WaitForAsync<MessageSettled>(
            settled => settled.Topic == topic, $"a message on {topic} to settle");

    public static Task<MessagePublished> PublishedAsync(this DaprTestEnvironment environment, string topic) =>
        environment.WaitForAsync<MessagePublished>(
            published => published.Topic == topic, $"a publish to {topic}");

    public static IReadOnlyList<MessageDelivered> Attempts(
        this DaprTestEnvironment environment, string topic) =>
        [.. environment.Messages
            .Snapshot()
            .OfType<MessageDelivered>()
            .Where(delivered => delivered.Topic == topic)];

    public static IReadOnlyList<ReceivedRequest> Deliveries(this TinyApp app, string path) =>
        app.Received.Where(request => request.Method == "POST" && request.Path == path);

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    /// <summary>An answer with a JSON body, written as the app's framework would.</summary>
    public static IResult Body(int statusCode, string json) =>
        Results.Text(json, "application/json", statusCode: statusCode);
}
