using DaprPhotos.Indexing.Handlers;
using DaprPhotos.Indexing.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIndexingServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseCloudEvents();
app.MapSubscribeHandler();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapIndexingEvents();
app.MapSearch();

app.Run();
