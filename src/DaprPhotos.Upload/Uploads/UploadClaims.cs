using System.Security.Cryptography;
using System.Text;

namespace DaprPhotos.Upload.Uploads;

/// <summary>The photo that owns a content hash: the same bytes uploaded again answer with it.</summary>
public sealed record HashClaim(string PhotoId)
{
    public static string StoreKey(string sha256) => $"sha256/{sha256}";
}

/// <summary>
/// What an <c>Idempotency-Key</c> has answered, or that a request with it is still running.
/// </summary>
public sealed record IdempotencyEntry(bool Completed, string? PhotoId, int StatusCode)
{
    public const int MaxKeyLength = 255;

    public static IdempotencyEntry InProgress { get; } = new(false, null, 0);

    // Hashed, so any client string is a safe state key (no "||", no unbounded length).
    public static string StoreKey(string idempotencyKey) =>
        $"idempotency/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))}";
}
