using DaprPhotos.Blobs;
using DaprPhotos.Imaging;
using DaprPhotos.Upload;
using DaprPhotos.Upload.Events;
using DaprPhotos.Upload.Janitor;
using DaprPhotos.Upload.Listing;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;
using DaprPhotos.Upload.Uploads;
using FluentValidation;

namespace Microsoft.Extensions.Hosting;

public static class UploadServiceExtensions
{
    public static IHostApplicationBuilder AddUploadServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UploadOptions>()
            .BindConfiguration(UploadOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => SafeImageConfiguration.Create());
        builder.Services.AddSingleton<ChunkedBlobStore>();
        builder.Services.AddSingleton<PhotoRepository>();
        builder.Services.AddSingleton<ClaimStore>();
        builder.Services.AddSingleton<ListingIndex>();
        builder.Services.AddSingleton<InflightUploads>();
        builder.Services.AddSingleton<AbandonedUploadJanitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AbandonedUploadJanitor>());
        builder.Services.AddSingleton<PhotoUploadedListingHandler>();
        builder.Services.AddSingleton<OriginalIngest>();
        builder.Services.AddSingleton<PhotoIntake>();
        builder.Services.AddSingleton<UploadPhotoHandler>();
        builder.Services.AddSingleton<DeletePhotoHandler>();
        builder.Services.AddSingleton<IValidator<UploadFields>, UploadFieldsValidator>();

        builder.Services.AddSingleton<PhotoThumbnailedHandler>();
        builder.Services.AddSingleton<PhotoIndexedHandler>();
        builder.Services.AddSingleton<PhotoFailedHandler>();
        builder.Services.AddSingleton(typeof(DeadLetterHandler<>));

        builder.Services.AddOpenApi();
        return builder;
    }
}
