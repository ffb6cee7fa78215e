using DaprPhotos.Configuration.Tests.Support;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// Upload's photos store in every folder: the transactional outbox that publishes photo-uploaded,
/// and the workflows' actor state, both of which need transactions and ETags.
/// </summary>
public sealed class PhotosStoreTests
{
    // Contract §9's feature matrix: stores with transactions and ETags that several sidecars can
    // share. state.in-memory has both but lives inside one daprd, so it cannot carry the pipeline.
    private static readonly HashSet<string> TransactionalStoreTypes =
        new(StringComparer.Ordinal) { "state.redis", "state.postgresql", "state.sqlite", "state.mongodb" };

    [Theory]
    [EachComponentFolder]
    public void PhotosPublishesPhotoUploadedThroughTheOutbox(string folder)
    {
        var photos = Photos(folder);

        Assert.Equal(ComponentNames.PubSub, photos.GetMetadata("outboxPublishPubsub"));
        Assert.Equal(Topics.PhotoUploaded, photos.GetMetadata("outboxPublishTopic"));
    }

    [Theory]
    [EachComponentFolder]
    public void PhotosIsATransactionalStoreThatSidecarsCanShare(string folder)
    {
        var photos = Photos(folder);

        Assert.Contains(photos.Type, TransactionalStoreTypes);
    }

    [Theory] // without a version daprd loads postgresql v1, whose data layout v2 cannot read
    [EachComponentFolder]
    public void EveryPostgreSqlStoreIsVersionTwo(string folder)
    {
        var postgres = RepositoryLayout.Resources(folder).Components
            .Where(component => component.Type == "state.postgresql");

        Assert.All(postgres, store => Assert.Equal("v2", store.Version));
    }

    private static ComponentSpec Photos(string folder)
    {
        var photos = RepositoryLayout.Resources(folder).FindComponent(ComponentNames.Photos);

        Assert.NotNull(photos);
        return photos;
    }
}
