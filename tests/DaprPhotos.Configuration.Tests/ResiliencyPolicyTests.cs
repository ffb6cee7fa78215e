using System.Globalization;
using System.Text.RegularExpressions;
using DaprPhotos.Configuration.Tests.Support;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Resiliency;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// The resiliency policies of every folder (contract §3.4): each component is a target, every
/// retry is bounded, deliveries and stores sit behind circuit breakers, and the service tests'
/// sidecar understands every policy.
/// </summary>
public sealed partial class ResiliencyPolicyTests
{
    private static readonly string[] StateStores =
        [ComponentNames.Photos, ComponentNames.Blobs, ComponentNames.Index];

    [Theory]
    [EachComponentFolder]
    public void TargetsExactlyTheComponentsOfTheFolder(string folder)
    {
        var resiliency = ResiliencyOf(folder);

        string[] expected = [ComponentNames.PubSub, .. StateStores];
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            resiliency.Spec.Targets.Components.Keys.Order(StringComparer.Ordinal));
    }

    [Theory] // maxRetries defaults to -1, retrying forever; a delivery must end in its dead-letter topic
    [EachComponentFolder]
    public void EveryTargetHasATimeoutAndABoundedRetry(string folder)
    {
        var resiliency = ResiliencyOf(folder);

        Assert.All(Directions(resiliency), direction =>
        {
            Assert.NotNull(direction.Policies.Retry);
            var retry = resiliency.Spec.Policies.Retries[direction.Policies.Retry];
            Assert.True(retry.MaxRetries is >= 0, $"{direction.Name} retries forever");
            Assert.NotNull(direction.Policies.Timeout);
            Assert.Contains(direction.Policies.Timeout, resiliency.Spec.Policies.Timeouts.Keys);
        });
    }

    [Theory] // daprd keeps one breaker per component name for both directions: publishing would share it
    [EachComponentFolder]
    public void DeliveriesAndStoresHaveCircuitBreakersAndPublishingHasNone(string folder)
    {
        var targets = ResiliencyOf(folder).Spec.Targets.Components;

        Assert.NotNull(targets[ComponentNames.PubSub].Inbound?.CircuitBreaker);
        Assert.Null(targets[ComponentNames.PubSub].Outbound?.CircuitBreaker);
        Assert.All(StateStores, store => Assert.NotNull(targets[store].Outbound?.CircuitBreaker));
    }

    [Theory] // the service tests run every delivery under these breakers, so their sidecar must parse them
    [EachComponentFolder]
    public void EveryCircuitBreakerIsOneTheTestSidecarUnderstands(string folder)
    {
        var breakers = ResiliencyOf(folder).Spec.Policies.CircuitBreakers;

        Assert.NotEmpty(breakers);
        Assert.All(breakers, pair =>
        {
            Assert.NotNull(pair.Value.Timeout);
            _ = new CircuitBreaker(pair.Key, pair.Value, TimeProvider.System);
        });
    }

    [Theory] // one poison message fails every attempt; that alone must not stop deliveries to the app
    [EachComponentFolder]
    public void TheDeliveryBreakerOutlastsOneMessageFailingEveryAttempt(string folder)
    {
        var resiliency = ResiliencyOf(folder);
        var inbound = resiliency.Spec.Targets.Components[ComponentNames.PubSub].Inbound!;
        var attemptsPerMessage = resiliency.Spec.Policies.Retries[inbound.Retry!].MaxRetries!.Value + 1;

        var trip = resiliency.Spec.Policies.CircuitBreakers[inbound.CircuitBreaker!].Trip ?? "";
        var match = ConsecutiveFailuresAbove().Match(trip);

        Assert.True(match.Success, $"trip '{trip}' is not 'consecutiveFailures > N'");
        var limit = int.Parse(match.Groups["limit"].Value, CultureInfo.InvariantCulture);
        Assert.True(limit >= attemptsPerMessage, $"'{trip}' opens on one message's attempts");
    }

    private static ResiliencySpec ResiliencyOf(string folder) =>
        Assert.Single(RepositoryLayout.Resources(folder).Resiliencies);

    private static IEnumerable<(string Name, PolicyNames Policies)> Directions(ResiliencySpec resiliency) =>
        resiliency.Spec.Targets.Components.SelectMany(target => new[]
            {
                (Name: $"{target.Key} inbound", Policies: target.Value.Inbound),
                (Name: $"{target.Key} outbound", Policies: target.Value.Outbound),
            })
            .Where(direction => direction.Policies is not null)
            .Select(direction => (direction.Name, direction.Policies!));

    [GeneratedRegex(@"^\s*consecutiveFailures\s*>\s*(?<limit>\d+)\s*$")]
    private static partial Regex ConsecutiveFailuresAbove();
}
