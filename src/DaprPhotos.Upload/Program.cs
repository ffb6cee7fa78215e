using DaprPhotos.Upload.Events;
using DaprPhotos.Upload.Listing;
using DaprPhotos.Upload.Photos;

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
app.MapPhotoEvents();
app.MapListingEvents();

app.Run();
