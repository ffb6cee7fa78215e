using DaprPhotos.Configuration.Tests.Support;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// An alternative changes what it is named for and nothing else: a component it keeps and its
/// resiliency policies are the default's, so a fix to <c>components/</c> cannot miss a copy.
/// </summary>
public sealed class AlternativeComponentTests
{
    private static readonly DaprResourceSet Default =
        RepositoryLayout.Resources(RepositoryLayout.DefaultComponentFolder);

    [Theory]
    [EachAlternativeComponentFolder]
    public void AComponentOfTheDefaultTypeIsTheDefaultComponent(string folder)
    {
        var kept = RepositoryLayout.Resources(folder).Components
            .Where(component => component.Type == Default.FindComponent(component.Name)?.Type);

        Assert.All(kept, component =>
        {
            var original = Default.FindComponent(component.Name)!;
            Assert.Equal(original.Version, component.Version);
            Assert.Equal(
                original.Metadata.OrderBy(pair => pair.Key), component.Metadata.OrderBy(pair => pair.Key));
        });
    }

    [Theory]
    [EachAlternativeComponentFolder]
    public void TheResiliencyPoliciesAreACopyOfTheDefault(string folder)
    {
        var resiliency = Assert.Single(RepositoryLayout.Resources(folder).Resiliencies);

        Assert.Equal(
            File.ReadAllText(Assert.Single(Default.Resiliencies).SourceFile),
            File.ReadAllText(resiliency.SourceFile));
    }

    [Theory] // each app's events wait for it while it is stopped, or a late start skips them
    [EachComponentFolder]
    public void PubSubKeepsEventsForAServiceThatIsNotRunning(string folder)
    {
        var pubsub = RepositoryLayout.Resources(folder).FindComponent("pubsub")!;

        switch (pubsub.Type)
        {
            case "pubsub.redis": // a consumer group per app id, kept in the stream
                break;
            case "pubsub.rabbitmq":
                Assert.Equal("true", pubsub.GetMetadata("durable"));
                Assert.Equal("false", pubsub.GetMetadata("deletedWhenUnused"));
                Assert.Equal("2", pubsub.GetMetadata("deliveryMode"));
                break;
            case "pubsub.kafka":
                Assert.Equal("oldest", pubsub.GetMetadata("initialOffset"));
                break;
            default:
                Assert.Fail($"{pubsub.Type}: say here how this broker keeps events for a stopped service");
                break;
        }
    }
}
