namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// One camera photo (EXIF make, model and a GPS position by the Eiffel Tower) uploaded through the
/// pipeline and watched until it is <c>Indexed</c>; the read-only journey tests share it.
/// </summary>
public sealed class IndexedPhoto : IAsyncLifetime
{
    public const string Title = "Sunset over the Champ de Mars";

    internal Pipeline Pipeline { get; private set; } = null!;

    internal PhotoView Photo { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Pipeline = await Pipeline.StartAsync(new PipelineOptions(), cancellation);
        var bytes = SamplePhotos.Jpeg(1600, 1200, seed: 1, CameraExif.EiffelTower());

        var uploaded = await Pipeline.UploadPhotoAsync(bytes, "champ-de-mars.jpg", Title, cancellation);

        Photo = (await Pipeline.WaitForStatusAsync(uploaded.Id, PhotoView.Indexed, cancellation))!;
    }

    public async ValueTask DisposeAsync() => await Pipeline.DisposeAsync();
}
