using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

// The least an upload endpoint can do: receive every byte and keep none. The upload benchmark
// divides the upload service's times and memory by this app's, measured in the same run, so the
// ratio shows what the service adds on top of Kestrel and the loopback network.
var builder = WebApplication.CreateSlimBuilder(args);

var app = builder.Build();

app.MapPost("/upload", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    // The same allowance the upload service grants (50 MiB and the form around it), not Kestrel's 30 MB.
    if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
    {
        bodySize.MaxRequestBodySize = (50L * 1024 * 1024) + (256 * 1024);
    }

    var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    try
    {
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return Results.Ok(new { bytes = total });
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(buffer);
    }
});

app.MapGet("/", () => Results.Ok());

app.Run();
