using DaprPhotos.Indexing;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Handlers;
using DaprPhotos.Indexing.Search;
using DaprPhotos.Indexing.Storage;

namespace Microsoft.Extensions.Hosting;

public static class IndexingServiceExtensions
{
    public static IHostApplicationBuilder AddIndexingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IndexingOptions>()
            .BindConfiguration(IndexingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DocumentBuilder>();
        builder.Services.AddSingleton<PhotoDocuments>();
        builder.Services.AddSingleton<IndexSets>();
        builder.Services.AddSingleton<Vocabulary>();
        builder.Services.AddSingleton<SegmentListings>();
        builder.Services.AddSingleton<PhotoIndexer>();
        builder.Services.AddSingleton<IndexingEvents>();
        builder.Services.AddSingleton<PhotoThumbnailedHandler>();
        builder.Services.AddSingleton<PhotoDeletedHandler>();
        builder.Services.AddSingleton<SearchQueryParser>();
        builder.Services.AddSingleton<PostingReader>();
        builder.Services.AddSingleton<SearchEngine>();
        builder.Services.AddOpenApi();

        return builder;
    }
}
