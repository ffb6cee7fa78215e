using DaprPhotos.Testing.Resources;
using TestResources = DaprPhotos.Testing.Tests.Support.Resources;

namespace DaprPhotos.Testing.Tests.Resources;

/// <summary>Contract §9 and §1.2: how the resources path is read, and which files daprd refuses.</summary>
public sealed class ResourceLoadingTests
{
    [Theory] // Go's JSON binding matches field names case-insensitively
    [InlineData("pubsubName")]
    [InlineData("pubsubname")]
    public void SubscriptionFieldNamesBindCaseInsensitively(string field)
    {
        var yaml = $"""
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: orders
            spec:
              {field}: pubsub
              topic: orders
              routes:
                default: /orders
            """;

        var subscription = Assert.Single(TestResources.Load(yaml).Subscriptions);

        Assert.Equal("pubsub", subscription.PubSubName);
    }

    [Fact]
    public void AComponentNameDefinedInTwoFilesFailsNamingBothFiles()
    {
        var folder = TestResources.Write(TestResources.RedisState("store"),
            TestResources.RedisState("store"));

        var exception = Assert.Throws<DaprResourceException>(() => DaprResourceSet.Load(folder));

        Assert.Contains(Path.Combine(folder, "resource00.yaml"), exception.Message);
        Assert.Contains(Path.Combine(folder, "resource01.yaml"), exception.Message);
    }

    [Fact]
    public void InvalidYamlFailsNamingTheFile()
    {
        var folder = TestResources.Write("kind: Component\nmetadata: [unclosed\n");

        var exception = Assert.Throws<DaprResourceException>(() => DaprResourceSet.Load(folder));

        Assert.StartsWith(Path.Combine(folder, "resource00.yaml"), exception.Message);
    }

    [Fact]
    public void AFileWithSeveralDocumentsLoadsEveryDocument()
    {
        var yaml = TestResources.RedisState("first") + "\n---\n" + TestResources.InMemoryState("second");

        var components = TestResources.Load(yaml).Components;

        Assert.Equal(["first", "second"], components.Select(component => component.Name));
    }

    [Fact] // contract §9: component metadata names compare case-insensitively
    public void ComponentMetadataNamesAreCaseInsensitive()
    {
        var component = Assert.Single(TestResources.Load(
            TestResources.RedisState("store", "- name: KEYPREFIX\n  value: name\n")).Components);

        Assert.Equal("name", component.GetMetadata("keyPrefix"));
    }

    [Fact]
    public void AComponentWithoutATypeIsRefused()
    {
        var folder = TestResources.Write(
            "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n");

        var exception = Assert.Throws<DaprResourceException>(() => DaprResourceSet.Load(folder));

        Assert.Contains("spec.type", exception.Message);
    }
}
