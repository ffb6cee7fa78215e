using DaprPhotos.Blobs;
using DaprPhotos.Imaging;
using Dapr.Workflow;
using DaprPhotos.Upload;
using DaprPhotos.Upload.DeadLetters;
using DaprPhotos.Upload.Events;
using DaprPhotos.Upload.Janitor;
using DaprPhotos.Upload.Listing;
using DaprPhotos.Upload.Jobs;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Renditions;
using DaprPhotos.Upload.Reprocessing;
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
        builder.Services.AddSingleton<CheckedWrites>();
        builder.Services.AddSingleton<PhotoRepository>();
        builder.Services.AddSingleton<StateSets>();
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
        builder.Services.AddSingleton<DeadLetterStore>();
        builder.Services.AddSingleton<RenditionSets>();

        builder.Services.AddOpenApi();
        return builder.AddAdminJobs();
    }

    /// <summary>Reprocessing and dead-letter redrives: Dapr workflows behind the admin API.</summary>
    private static IHostApplicationBuilder AddAdminJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);

        builder.Services.AddSingleton<JobPlans>();
        builder.Services.AddSingleton<JobClaims>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddSingleton<ReprocessCandidates>();
        builder.Services.AddSingleton<ReprocessRequests>();
        builder.Services.AddDaprWorkflow(workflows =>
        {
            workflows.RegisterWorkflow<ReprocessWorkflow>();
            workflows.RegisterActivity<PlanReprocessActivity>();
            workflows.RegisterActivity<RequestReprocessActivity>();
            workflows.RegisterActivity<CheckReprocessActivity>();
            workflows.RegisterWorkflow<RedriveWorkflow>();
            workflows.RegisterActivity<PlanRedriveActivity>();
            workflows.RegisterActivity<RedriveBatchActivity>();
            workflows.RegisterActivity<FinishJobActivity>();
        });

        return builder;
    }
}
