using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>The text fields of the form: a 400 validation problem keyed by the field at fault.</summary>
public sealed class UploadValidationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "title", new string('t', 201), "Title" },
        { "tags", string.Join(',', Enumerable.Range(1, 21).Select(n => $"tag{n}")), "Tags" },
        { "tags", "sea, <script>", "Tags[1]" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task AnInvalidFieldIsAValidationProblemNamingIt(string field, string value, string errorKey)
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.UploadAsync(TestImages.Jpeg(), fields: [new(field, value)],
            cancellationToken: Cancellation);

        var problem = await Problems.ReadValidationAsync(response, Cancellation);
        Assert.Equal([errorKey], problem.Errors.Keys);
        Assert.Empty(app.StoredKeys("blobs"));
        Assert.Empty(app.StoredKeys("photos"));
    }
}
