using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resiliency;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// The attempts of one delivery under the inbound policy of the subscriber's sidecar: each attempt
/// passes the breaker and runs under the timeout; a retry waits by the retry policy. No policy
/// means exactly one attempt. A DROP, a 404, an open breaker or a status code outside the
/// policy's <c>matching</c> list ends the attempts at once.
/// </summary>
internal sealed class DeliveryAttempts(
    SubscriberReplica replica,
    string path,
    byte[] body,
    IReadOnlyList<KeyValuePair<string, string>> headers,
    DaprTestEnvironment environment)
{
    public async Task<DeliveryOutcome> RunAsync(BrokerMessage message)
    {
        var started = environment.Time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var policies = replica.Sidecar.InboundPolicies(message.PubSubName);
            var result = await AttemptAsync(policies);
            if (!result.Rejected)
            {
                environment.Messages.Add(new MessageDelivered(
                    message.PubSubName, message.Topic, message.CloudEventId, environment.Time.GetUtcNow(),
                    replica.Sidecar.AppId, path, attempt, result.HttpStatus, result.Outcome));
            }

            if (result.Outcome != DeliveryOutcome.Retry || result.Rejected)
            {
                return result.Outcome;
            }

            var retry = policies.Retry;
            var retries = attempt - 1;
            if (retry is null
                || !retry.AllowsRetry(retries, environment.Time.GetUtcNow() - started)
                || (result.IsCodeError && !retry.RetriesStatus(result.HttpStatus)))
            {
                return DeliveryOutcome.Retry;
            }

            // The retry loop runs inside the daprd that read the message, so every attempt goes to its app.
            await Task.Delay(
                retry.DelayBeforeRetry(retries, environment.NextRandom()),
                environment.Time,
                environment.Stopping);
            await replica.Sidecar.WaitUntilAvailableAsync(environment.Stopping);
        }
    }

    // An open breaker rejects the call before it reaches the app: no attempt is recorded.
    private async Task<AttemptResult> AttemptAsync(PolicySet policies)
    {
        if (policies.Breaker is { } breaker && !breaker.TryEnter())
        {
            return new AttemptResult(DeliveryOutcome.Retry, null, IsCodeError: false, Rejected: true);
        }

        using var timeout = new CancellationTokenSource(
            policies.Timeout ?? Timeout.InfiniteTimeSpan, environment.Time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(
            environment.Stopping, timeout.Token);
        var result = await AppChannel.PostAsync(
            replica.Sidecar.AppClient, path, body, headers, attempt.Token);
        policies.Breaker?.Record(result.Outcome != DeliveryOutcome.Retry);
        return new AttemptResult(result.Outcome, result.HttpStatus, result.IsCodeError, Rejected: false);
    }

    private sealed record AttemptResult(
        DeliveryOutcome Outcome, int? HttpStatus, bool IsCodeError, bool Rejected);
}
