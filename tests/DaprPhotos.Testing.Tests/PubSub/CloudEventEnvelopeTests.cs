using System.Text;
using System.Text.Json;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Contract §2.1 and §2.2: the CloudEvent daprd wraps around a published message.</summary>
public sealed class CloudEventEnvelopeTests
{
    // contract §2.1: the fields daprd fills in.
    [Fact]
    public async Task EnvelopeCarriesTheFieldsDaprdFillsIn()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment, "upload");

        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Equal("upload", envelope.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", envelope.GetProperty("type").GetString());
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.True(Guid.TryParse(envelope.GetProperty("id").GetString(), out _));
        Assert.Equal("photos", envelope.GetProperty("topic").GetString());
        Assert.Equal("pubsub", envelope.GetProperty("pubsubname").GetString());
        Assert.Equal("application/json", envelope.GetProperty("datacontenttype").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", envelope.GetProperty("time").GetString());
    }

    // contract §2.1/§2.2: JSON data is embedded as an object, and Go writes every map's keys sorted.
    [Fact]
    public async Task JsonDataIsEmbeddedAsAnObjectWithSortedKeys()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishByteEventAsync(
            "pubsub",
            "photos",
            Encoding.UTF8.GetBytes("""{"zeta":1,"alpha":{"y":2,"b":3}}"""),
            "application/json",
            cancellationToken: Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        var keys = envelope.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(JsonValueKind.Object, envelope.GetProperty("data").ValueKind);
        Assert.Equal("""{"alpha":{"b":3,"y":2},"zeta":1}""", envelope.GetProperty("data").GetRawText());
    }

    // contract §2.2: application/octet-stream is written as data_base64.
    [Fact]
    public async Task OctetStreamDataIsWrittenAsBase64()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishByteEventAsync(
            "pubsub", "photos", new byte[] { 0, 1, 255 }, "application/octet-stream",
            cancellationToken: Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Equal("AAH/", envelope.GetProperty("data_base64").GetString());
        Assert.False(envelope.TryGetProperty("data", out _));
    }

    // contract §2.2: any other content type (text/plain here) is a JSON string of the bytes.
    [Fact]
    public async Task TextDataIsWrittenAsAString()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishByteEventAsync(
            "pubsub", "photos", Encoding.UTF8.GetBytes("{\"not\":\"parsed\"}"), "text/plain",
            cancellationToken: Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Equal("{\"not\":\"parsed\"}", envelope.GetProperty("data").GetString());
        Assert.Equal("text/plain", envelope.GetProperty("datacontenttype").GetString());
    }

    // contract §2.1: an app's own CloudEvent is kept; daprd overwrites only topic and pubsubname.
    [Fact]
    public async Task AppCloudEventIsKeptWithTopicAndPubSubOverwritten()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);
        var cloudEvent = """
            {"id":"mine","source":"camera","type":"photo.taken","specversion":"1.0",
             "topic":"elsewhere","pubsubname":"other","data":{"n":1}}
            """;

        await publisher.PublishByteEventAsync("pubsub", "photos", Encoding.UTF8.GetBytes(cloudEvent),
            "application/cloudevents+json", cancellationToken: Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Equal("mine", envelope.GetProperty("id").GetString());
        Assert.Equal("camera", envelope.GetProperty("source").GetString());
        Assert.Equal("photo.taken", envelope.GetProperty("type").GetString());
        Assert.Equal("photos", envelope.GetProperty("topic").GetString());
        Assert.Equal("pubsub", envelope.GetProperty("pubsubname").GetString());
    }

    // contract §5: cloudevent.* metadata overrides the fields daprd would fill in.
    [Fact]
    public async Task CloudEventMetadataOverridesTheEnvelopeFields()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = "id-1", ["cloudevent.type"] = "photo.uploaded",
            ["cloudevent.source"] = "camera", ["cloudevent.subject"] = "p1",
        };

        await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, metadata, Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Equal("id-1", envelope.GetProperty("id").GetString());
        Assert.Equal("photo.uploaded", envelope.GetProperty("type").GetString());
        Assert.Equal("camera", envelope.GetProperty("source").GetString());
        Assert.Equal("p1", envelope.GetProperty("subject").GetString());
    }
}
