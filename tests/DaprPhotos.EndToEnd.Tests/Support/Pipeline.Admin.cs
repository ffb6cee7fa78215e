extern alias thumbnails;

using System.Net;
using System.Net.Http.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;
using ThumbnailsProgram = thumbnails::Program;

namespace DaprPhotos.EndToEnd.Tests.Support;

// What an operator does: redeploy thumbnails with other settings, start an admin job, watch it.
internal sealed partial class Pipeline
{
    public const string AdminKey = "end-to-end-admin-key";

    private readonly PipelineOptions _options;

    /// <summary>
    /// Stops thumbnails and starts it again beside the same sidecar with <paramref name="settings"/>
    /// over its usual ones, as a redeploy with new configuration does.
    /// </summary>
    public async Task RestartThumbnailsAsync(
        IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var old = _thumbnails ?? throw new InvalidOperationException("Thumbnails is not running.");
        await Environment.WhenIdleAsync();
        _hosts.Remove(old);
        await old.DisposeAsync();
        old.Sidecar.DisconnectApp();

        var merged = new Dictionary<string, string?>(Settings(AppIds.Thumbnails));
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        _thumbnails = await HostAsync<ThumbnailsProgram>(
            AppIds.Thumbnails, _options, cancellationToken, old.Sidecar, merged);
    }

    /// <summary>
    /// Waits until upload has heard thumbnails announce a set other than <paramref name="old"/>.
    /// </summary>
    public async Task WaitForRenditionSetAnnouncedAsync(string? old, CancellationToken cancellationToken)
    {
        var announced = await Environment.Messages.WaitForAsync(
            message => message is MessagePublished published
                && published.Topic == Topics.RenditionSetAnnounced
                && !published.BodyText.Contains($"\"renditionSet\":\"{old}\"", StringComparison.Ordinal),
            "thumbnails announcing a new rendition set",
            Patience,
            cancellationToken);
        await Environment.Messages.WaitForAsync(
            message => message is MessageSettled settled && settled.AppId == AppIds.Upload
                && settled.CloudEventId == announced.CloudEventId,
            "upload hearing the new rendition set",
            Patience,
            cancellationToken);
    }

    /// <summary>Starts an admin job; it must be accepted. Returns the job's status path.</summary>
    public async Task<string> StartJobAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await Upload.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location?.OriginalString
            ?? throw new InvalidOperationException("An accepted job has no Location.");
    }

    /// <summary>Watches the job through the admin API until it is no longer running.</summary>
    public Task<JobView> WaitForJobAsync(string self, CancellationToken cancellationToken) =>
        SettleUntilAsync(
            () => GetJobAsync(self, cancellationToken),
            job => job.Status is not ("Planning" or "Running"),
            $"job {self} to end",
            Patience,
            cancellationToken);

    private async Task<JobView> GetJobAsync(string self, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, self);
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await Upload.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JobView>(cancellationToken))!;
    }
}

/// <summary>An admin job as <c>GET /admin/…/{id}</c> shows it.</summary>
internal sealed record JobView(
    string Id, string Status, int Total, int Done, int Failed, int Remaining, string? Note)
{
    public override string ToString() => $"{Id} {Status}: {Done} done, {Failed} failed of {Total} ({Note})";
}
