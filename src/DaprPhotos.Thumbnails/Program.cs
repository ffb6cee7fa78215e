using DaprPhotos.Thumbnails.Handlers;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddThumbnailServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseCloudEvents();
app.MapSubscribeHandler();

app.MapDefaultEndpoints();
app.MapThumbnailEvents();

app.Run();
