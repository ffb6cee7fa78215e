using System.Net;
using System.Text.Json;
using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Hosting;

public sealed partial class TestSidecar
{
    private static readonly JsonSerializerOptions SubscribeJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
    };

    private readonly List<PubSubBroker> _brokers = [];

    /// <summary>
    /// Connects the sidecar to its app, as daprd does once the app port answers: reads
    /// <c>GET /dapr/subscribe</c> (with the declarative subscriptions scoped to this app id) and
    /// starts delivering. A subscription to a pub/sub component this app does not load fails here,
    /// where daprd would only log it and never deliver.
    /// </summary>
    public async Task ConnectAppAsync(
        HttpMessageHandler appHandler, CancellationToken cancellationToken = default)
    {
        _appClient = new HttpClient(appHandler, disposeHandler: false)
        {
            BaseAddress = new Uri("http://localhost"),
        };
        var programmatic = await ReadAppSubscriptionsAsync(cancellationToken);
        var declarative = Environment.Resources.Subscriptions
            .Where(subscription => subscription.Scopes.Count == 0 || subscription.Scopes.Contains(AppId));
        Subscriptions = [.. declarative, .. programmatic];

        foreach (var byPubSub in Subscriptions.GroupBy(subscription => subscription.PubSubName))
        {
            var component = Components.FirstOrDefault(candidate =>
                    candidate.Name == byPubSub.Key && candidate.IsPubSub)
                ?? throw new DaprResourceException(
                    $"app {AppId} subscribes to {string.Join(", ", byPubSub.Select(s => s.Topic))} on pubsub "
                    + $"{byPubSub.Key}, which this app does not load "
                    + $"(known: {string.Join(", ", Components.Select(c => c.Name))})");
            RejectDuplicateTopics(byPubSub);

            var broker = Environment.BrokerFor(component, this);
            broker.Join(new SubscriberReplica(this, [.. byPubSub]));
            lock (_sync)
            {
                _brokers.Add(broker);
            }
        }
    }

    /// <summary>
    /// Stops delivering to the app, as daprd does when its app goes away (a crash, a restart): the
    /// app's consumer groups keep their messages for the next app to connect.
    /// </summary>
    public void DisconnectApp()
    {
        foreach (var broker in ConnectedBrokers())
        {
            broker.Leave(this);
        }

        lock (_sync)
        {
            _brokers.Clear();
        }

        _appClient?.Dispose();
        _appClient = null;
    }

    private List<PubSubBroker> ConnectedBrokers()
    {
        lock (_sync)
        {
            return [.. _brokers];
        }
    }

    // daprd's rules: 200 is parsed (an empty body is no subscriptions), 404 means none, anything
    // else is logged and leaves the app with no subscriptions; a subscription without a route is removed.
    private async Task<IReadOnlyList<SubscriptionSpec>> ReadAppSubscriptionsAsync(
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dapr/subscribe");
        request.Headers.Add("Dapr-App-Id", AppId);
        using var response = await AppClient.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            return [];
        }

        var entries = JsonSerializer.Deserialize<List<AppSubscription>>(body, SubscribeJson) ?? [];
        return [.. entries.Select(ToSpec).Where(spec => spec.Rules.Count > 0)];
    }

    private static SubscriptionSpec ToSpec(AppSubscription entry)
    {
        if (entry.BulkSubscribe?.Enabled == true)
        {
            throw new NotSupportedException(
                $"Topic {entry.Topic} asks for bulk delivery, which the test sidecar does not model.");
        }

        var rules = SubscriptionRoutes.Build(
            entry.Routes?.Rules?.Select(rule => new RouteRule(rule.Match, rule.Path ?? "")),
            entry.Routes?.Default,
            entry.Route);
        return new SubscriptionSpec(
            entry.PubsubName ?? "",
            entry.Topic ?? "",
            rules,
            string.IsNullOrEmpty(entry.DeadLetterTopic) ? null : entry.DeadLetterTopic,
            entry.Metadata ?? [],
            []);
    }

    private void RejectDuplicateTopics(IEnumerable<SubscriptionSpec> subscriptions)
    {
        var duplicate = subscriptions
            .GroupBy(subscription => subscription.Topic)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DaprResourceException(
                $"app {AppId} subscribes to topic {duplicate.Key} more than once");
        }
    }

    private sealed class AppSubscription
    {
        public string? PubsubName { get; init; }

        public string? Topic { get; init; }

        public string? Route { get; init; }

        public RoutesBody? Routes { get; init; }

        public string? DeadLetterTopic { get; init; }

        public Dictionary<string, string>? Metadata { get; init; }

        public BulkSubscribeBody? BulkSubscribe { get; init; }
    }

    private sealed class BulkSubscribeBody
    {
        public bool Enabled { get; init; }
    }
}
