using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Photos;

/// <summary><c>GET /photos/{id}</c>: the record, its status, each step's time and its links.</summary>
public static class GetPhotoHandler
{
    public static async Task<IResult> HandleAsync(
        string id, PhotoRepository photos, CancellationToken cancellationToken)
    {
        var (record, _) = await photos.GetAsync(id, cancellationToken);
        return record is null ? PhotoProblems.NotFound(id) : TypedResults.Ok(PhotoResponse.From(record));
    }
}

internal static class PhotoProblems
{
    public static IResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such photo",
        detail: $"There is no photo with id '{id}'.");
}
