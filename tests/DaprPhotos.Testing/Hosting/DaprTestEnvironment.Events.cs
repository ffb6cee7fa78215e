using System.Text.Json;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Testing.Hosting;

public sealed partial class DaprTestEnvironment
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Waits until a message on <paramref name="topic"/> carries data that matches, e.g. "photo X
    /// reached photo-indexed", and returns that data. Data is read from the CloudEvent as a
    /// subscriber would bind it (web JSON defaults).
    /// </summary>
    public async Task<T> WaitForEventAsync<T>(
        string topic,
        Func<T, bool> match,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var published = await Messages.WaitForAsync(
            message => message is MessagePublished p
                && p.Topic == topic
                && TryReadData<T>(p) is { } data
                && match(data),
            $"a {typeof(T).Name} on {topic}",
            timeout,
            cancellationToken);
        return TryReadData<T>((MessagePublished)published)!;
    }

    /// <summary>
    /// Every message published on <paramref name="topic"/> whose data reads as <typeparamref name="T"/>.
    /// </summary>
    public IReadOnlyList<T> PublishedEvents<T>(string topic) =>
        [.. Messages.Snapshot()
            .OfType<MessagePublished>()
            .Where(message => message.Topic == topic)
            .Select(TryReadData<T>)
            .OfType<T>()];

    private static T? TryReadData<T>(MessagePublished message)
    {
        try
        {
            using var document = JsonDocument.Parse(message.Body);
            return document.RootElement.TryGetProperty("data", out var data)
                ? data.Deserialize<T>(EventJson)
                : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
