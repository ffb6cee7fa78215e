namespace DaprPhotos.Upload.Uploads;

/// <summary>
/// Why an upload is refused, as an RFC 9457 problem: the limit that was hit and what was sent.
/// </summary>
public sealed record UploadRejection(int StatusCode, string Title, string Detail)
{
    public static UploadRejection TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "The upload is too large", detail);

    public static UploadRejection UnsupportedFormat(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "The file is not a supported image", detail);

    public static UploadRejection Broken(string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, "The file is not a complete image", detail);

    public static UploadRejection BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "The upload request is malformed", detail);

    public IResult ToResult() => TypedResults.Problem(detail: Detail, statusCode: StatusCode, title: Title);
}
