using DaprPhotos.Upload.DeadLetters;
using DaprPhotos.Upload.Events;
using DaprPhotos.Upload.Jobs;
using DaprPhotos.Upload.Listing;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Renditions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddUploadServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseCloudEvents();
app.MapSubscribeHandler();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapPhotosApi();
app.MapAdminApi();
app.MapPhotoEvents();
app.MapListingEvents();
app.MapDeadLetterEvents();
app.MapRenditionSetEvents();

app.Run();
