namespace DaprPhotos.Testing.PubSub;

/// <summary>A message as the broker holds it: daprd's bytes and the publisher's metadata.</summary>
internal sealed record BrokerMessage(
    string PubSubName,
    string Topic,
    byte[] Body,
    IReadOnlyDictionary<string, string> Metadata,
    string CloudEventId);
