using System.Net;
using System.Text.Json;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// daprd's HTTP postman: POSTs one message to the app and reads the answer exactly as daprd does.
/// An empty or unparseable 2xx body is success; a <c>status</c> of RETRY, or one daprd does not know
/// (the check is case-sensitive), retries; DROP and 404 drop; any other code retries.
/// </summary>
internal static class AppChannel
{
    public static async Task<DeliveryResult> PostAsync(
        HttpClient app, string path, byte[] body, IEnumerable<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + path.TrimStart('/'));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/cloudevents+json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await app.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Interpret((int)response.StatusCode, answer);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException
            or ObjectDisposedException or InvalidOperationException)
        {
            // Any failure to get an answer (refused, reset, timed out, app gone) is daprd's retriable
            // app-channel error.
            return new DeliveryResult(DeliveryOutcome.Retry, null, $"app channel error: {ex.Message}");
        }
    }

    public static DeliveryResult Interpret(int status, byte[] body)
    {
        if (status == (int)HttpStatusCode.NotFound)
        {
            return new DeliveryResult(DeliveryOutcome.Drop, status, "non-retriable error: 404 from the app");
        }

        if (status is < 200 or > 299)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, status, $"retriable error: status code {status}")
            {
                IsCodeError = true,
            };
        }

        return ReadStatus(body) switch
        {
            null or "" or "SUCCESS" => new DeliveryResult(DeliveryOutcome.Success, status, "success"),
            "DROP" => new DeliveryResult(DeliveryOutcome.Drop, status, "DROP status returned from app"),
            "RETRY" => new DeliveryResult(DeliveryOutcome.Retry, status, "RETRY status returned from app"),
            var unknown => new DeliveryResult(
                DeliveryOutcome.Retry, status, $"unknown status returned from app: {unknown}"),
        };
    }

    // daprd unmarshals {"status": string}; anything that does not fit is "skipping status check".
    private static string? ReadStatus(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // Go matches struct fields case-insensitively, so "Status" counts too.
            var status = document.RootElement
                .EnumerateObject()
                .LastOrDefault(property =>
                    property.Name.Equals("status", StringComparison.OrdinalIgnoreCase));
            return status.Value.ValueKind switch
            {
                JsonValueKind.String => status.Value.GetString(),
                JsonValueKind.Undefined or JsonValueKind.Null => null,
                _ => throw new JsonException("status is not a string"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// What one delivery attempt came to. Only a non-2xx, non-404 answer is a code error, the one
/// kind of failure a retry policy's <c>matching.httpStatusCodes</c> can stop.
/// </summary>
internal sealed record DeliveryResult(DeliveryOutcome Outcome, int? HttpStatus, string Detail)
{
    public bool IsCodeError { get; init; }
}
