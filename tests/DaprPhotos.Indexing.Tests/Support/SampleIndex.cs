using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests.Support;

/// <summary>A handful of indexed photos that read-only search tests share.</summary>
public sealed class SampleIndex : IAsyncLifetime
{
    internal static readonly PhotoThumbnailed SeineSunset = Photos.Thumbnailed(
        "Sunset over the Seine", tags: ["Paris", "holiday"], cameraMake: "Canon", cameraModel: "Canon EOS R5",
        takenAt: Taken(2024, 6, 21), latitude: 48.8566, longitude: 2.3522);

    internal static readonly PhotoThumbnailed CremeBrulee = Photos.Thumbnailed(
        "Crème brûlée at Café de Flore", tags: ["food", "paris"], fileName: "DSC_Eiffel.jpg",
        width: 3000, height: 4000, cameraMake: "Apple", cameraModel: "iPhone 15 Pro",
        takenAt: Taken(2023, 3, 2), latitude: 48.8540, longitude: 2.3330);

    internal static readonly PhotoThumbnailed SunnyBeach = Photos.Thumbnailed(
        "Sunny beach", tags: ["holiday", "beach"], cameraMake: "FUJIFILM", cameraModel: "X-T5",
        takenAt: Taken(2022, 8, 10), latitude: 43.7102, longitude: 7.2620);

    internal static readonly PhotoThumbnailed MountainLake = Photos.Thumbnailed(
        "Mountain lake", tags: ["hiking"], width: 2000, height: 2000);

    internal static readonly PhotoThumbnailed TokyoSundown = Photos.Thumbnailed(
        "Sundown in Tokyo", tags: ["travel"], cameraMake: "SONY", cameraModel: "ILCE-7M4",
        takenAt: Taken(2024, 11, 5), latitude: 35.6762, longitude: 139.6503);

    internal static readonly PhotoThumbnailed EveningWalk = Photos.Thumbnailed(
        "Evening walk", description: "A quiet sunset by the river", tags: ["walk"],
        takenAt: Taken(2021, 5, 1));

    internal static IReadOnlyList<PhotoThumbnailed> All { get; } =
        [SeineSunset, CremeBrulee, SunnyBeach, MountainLake, TokyoSundown, EveningWalk];

    internal IndexingApplication App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await IndexingApplication.StartAsync(CancellationToken.None);
        foreach (var photo in All)
        {
            var settled = await App.DeliverAsync(photo, CancellationToken.None);
            if (settled.Reason != SettleReason.Acknowledged)
            {
                throw new InvalidOperationException(
                    $"Indexing {photo.Upload!.Title} ended {settled.Reason}.");
            }
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    internal static string IdOf(PhotoThumbnailed photo) => photo.PhotoId;

    private static DateTimeOffset Taken(int year, int month, int day) =>
        new(year, month, day, 18, 30, 0, TimeSpan.Zero);
}
