using DaprPhotos.Contracts;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Tests.Resources;

/// <summary>
/// The repository's components/ folder agrees with DaprPhotos.Contracts (contract §9): a renamed
/// component or app id fails here instead of at run time, where daprd would only answer "not found".
/// </summary>
public sealed class RepositoryComponentsTests
{
    private static readonly DaprResourceSet Repository = DaprResourceSet.FromRepository();

    [Fact]
    public void EveryComponentIsNamedInComponentNames()
    {
        string[] expected = [ComponentNames.Blobs, ComponentNames.Index, ComponentNames.Photos,
            ComponentNames.PubSub];

        var names = Repository.Components.Select(component => component.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData(ComponentNames.PubSub, new[] { AppIds.Upload, AppIds.Thumbnails, AppIds.Indexing })]
    [InlineData(ComponentNames.Photos, new[] { AppIds.Upload })]
    [InlineData(ComponentNames.Blobs, new[] { AppIds.Upload, AppIds.Thumbnails })]
    [InlineData(ComponentNames.Index, new[] { AppIds.Indexing })]
    public void EachComponentIsScopedToTheAppsThatUseIt(string name, string[] appIds)
    {
        var component = Repository.FindComponent(name);

        Assert.NotNull(component);
        Assert.Equal(appIds.Order(StringComparer.Ordinal), component.Scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryScopeIsAKnownAppId()
    {
        var scopes = Repository.Components.SelectMany(component => component.Scopes).Distinct();

        Assert.All(scopes, scope => Assert.Contains(scope, AppIds.All));
    }

    [Fact] // contract §4.3: the apps share blobs by key only if the prefix is the component name
    public void BlobsAreSharedByComponentName()
    {
        var blobs = Repository.FindComponent(ComponentNames.Blobs);

        Assert.Equal("name", blobs?.GetMetadata("keyPrefix"));
    }

    [Fact] // contract §9: workflows need exactly one actor state store, with transactions and ETags
    public void PhotosIsTheOnlyActorStateStore()
    {
        var actorStores = Repository.Components
            .Where(component => component.GetMetadataFlag("actorStateStore"));

        Assert.Equal([ComponentNames.Photos], actorStores.Select(component => component.Name));
    }
}
