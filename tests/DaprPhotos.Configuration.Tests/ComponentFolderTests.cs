using DaprPhotos.Configuration.Tests.Support;
using DaprPhotos.Contracts;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// Every component folder, the default and each alternative, defines the same four components with
/// the same scopes (contract §9): only types and connection metadata may differ.
/// </summary>
public sealed class ComponentFolderTests
{
    private static readonly Dictionary<string, string[]> ScopesByComponent = new()
    {
        [ComponentNames.PubSub] = [AppIds.Upload, AppIds.Thumbnails, AppIds.Indexing],
        [ComponentNames.Photos] = [AppIds.Upload],
        [ComponentNames.Blobs] = [AppIds.Upload, AppIds.Thumbnails],
        [ComponentNames.Index] = [AppIds.Indexing],
    };

    [Theory] // a Configuration here would not configure daprd, and current daprd reloads on it
    [EachComponentFolder]
    public void EveryYamlFileHoldsOnlyComponentsAndResiliency(string folder)
    {
        var documents = Directory.EnumerateFiles(RepositoryLayout.PathOf(folder))
            .Where(file => Path.GetExtension(file) is ".yaml" or ".yml")
            .SelectMany(YamlNodes.LoadDocuments)
            .ToList();

        Assert.NotEmpty(documents);
        Assert.All(documents, document =>
        {
            Assert.Equal("dapr.io/v1alpha1", document.Scalar("apiVersion"));
            Assert.Contains(document.Scalar("kind"), (string[])["Component", "Resiliency"]);
        });
    }

    [Theory] // the service tests' sidecar loads a folder as daprd does, refusing duplicate names
    [EachComponentFolder]
    public void DefinesExactlyTheComponentNamesOfTheContracts(string folder)
    {
        var resources = RepositoryLayout.Resources(folder);

        var names = resources.Components.Select(component => component.Name).Order(StringComparer.Ordinal);

        Assert.Equal(ScopesByComponent.Keys.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [EachComponentFolder]
    public void ScopesEachComponentToTheAppsThatUseIt(string folder)
    {
        var resources = RepositoryLayout.Resources(folder);

        Assert.All(resources.Components, component => Assert.Equal(
            ScopesByComponent[component.Name].Order(StringComparer.Ordinal),
            component.Scopes.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [EachComponentFolder]
    public void GivesPubSubABrokerAndEveryOtherComponentAStateStore(string folder)
    {
        var resources = RepositoryLayout.Resources(folder);

        Assert.All(resources.Components, component =>
            Assert.Equal(component.Name == ComponentNames.PubSub, component.IsPubSub));
        Assert.All(resources.Components, component =>
            Assert.Equal(component.Name != ComponentNames.PubSub, component.IsStateStore));
    }

    [Theory] // contract §4.3: only blobs is shared; every other store keeps the per-app prefix
    [EachComponentFolder]
    public void SharesBlobsByComponentNameAndNoOtherStore(string folder)
    {
        var stores = RepositoryLayout.Resources(folder).Components
            .Where(component => component.IsStateStore);

        Assert.All(stores, store => Assert.Equal(
            store.Name == ComponentNames.Blobs ? "name" : "appid",
            store.GetMetadata("keyPrefix") ?? "appid",
            ignoreCase: true));
    }

    [Theory] // contract §7.3: workflows need one actor state store per app, a duplicate fails daprd
    [EachComponentFolder]
    public void UploadHasPhotosAsItsOneActorStateStoreAndNoAppHasTwo(string folder)
    {
        var resources = RepositoryLayout.Resources(folder);

        string[] ActorStoresOf(string appId) => resources.Components
            .Where(component => component.IsLoadedBy(appId) && component.GetMetadataFlag("actorStateStore"))
            .Select(component => component.Name)
            .ToArray();

        Assert.Equal([ComponentNames.Photos], ActorStoresOf(AppIds.Upload));
        Assert.All(AppIds.All, appId => Assert.True(ActorStoresOf(appId).Length <= 1, appId));
    }
}
