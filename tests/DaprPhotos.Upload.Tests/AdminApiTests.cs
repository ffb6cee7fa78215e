using System.Net;
using DaprPhotos.Upload.Reprocessing;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>The admin API's guard and its answers to requests it cannot follow.</summary>
public sealed class AdminApiTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("a guess")]
    public async Task WithoutTheAdminKeyNothingStarts(string? key)
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());

        using var response = await app.AdminAsync(
            HttpMethod.Post, ReprocessApi.Route, null, Cancellation, key);

        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized, Cancellation);
    }

    [Fact]
    public async Task WithoutAConfiguredKeyOnlyThisMachineMayCall()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.AdminAsync(
            HttpMethod.Get, "/admin/dead-letters", null, Cancellation, key: null);

        // The in-memory test server has no remote address, so it is not this machine either.
        await Problems.ReadAsync(response, HttpStatusCode.Forbidden, Cancellation);
    }

    [Fact]
    public async Task AJobThatSelectsNothingIsRefusedNamingBothFields()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());

        using var response = await app.AdminAsync(
            HttpMethod.Post, ReprocessApi.Route, new ReprocessRequest(false, false), Cancellation);
        var problem = await Problems.ReadValidationAsync(response, Cancellation);

        Assert.Equal(["failed", "outdated"], problem.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("/admin/reprocess/reprocess-0123")]
    [InlineData("/admin/reprocess/redrive-0123")]
    [InlineData("/admin/dead-letters/redrives/reprocess-0123")]
    [InlineData("/admin/dead-letters/photo-uploaded.thumbnails.0123")]
    public async Task AnUnknownJobOrDeadLetterIsNotFound(string path)
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());

        using var response = await app.AdminAsync(HttpMethod.Get, path, null, Cancellation);

        await Problems.ReadAsync(response, HttpStatusCode.NotFound, Cancellation);
    }
}
