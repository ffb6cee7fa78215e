using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Resiliency;

/// <summary>
/// A retry policy with daprd's defaults filled in (dapr/kit retry.DefaultConfig): constant 5 s,
/// unlimited retries; exponential starts at 500 ms, grows 1.5x with ±50 % jitter up to
/// <c>maxInterval</c> and gives up after 15 minutes in all.
/// </summary>
public sealed record RetryPolicy(
    string Name,
    bool IsExponential,
    TimeSpan Duration,
    TimeSpan MaxInterval,
    int MaxRetries,
    StatusCodeRanges? HttpStatusCodes)
{
    public static readonly TimeSpan ExponentialInitialInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ExponentialMaxElapsed = TimeSpan.FromMinutes(15);
    private const double Multiplier = 1.5;
    private const double Randomization = 0.5;

    public static RetryPolicy From(string name, RetrySpec spec)
    {
        var policy = spec.Policy ?? "constant";
        if (policy is not ("constant" or "exponential"))
        {
            throw new DaprResourceException(
                $"retry policy {name}: policy must be constant or exponential, not {policy}");
        }

        return new RetryPolicy(
            name,
            policy == "exponential",
            spec.Duration is null
                ? TimeSpan.FromSeconds(5)
                : GoDuration.Parse(spec.Duration, $"{name}.duration"),
            spec.MaxInterval is null
                ? TimeSpan.FromSeconds(60)
                : GoDuration.Parse(spec.MaxInterval, $"{name}.maxInterval"),
            spec.MaxRetries ?? -1,
            StatusCodeRanges.ParseOrNull(spec.Matching?.HttpStatusCodes));
    }

    /// <summary>Whether another attempt may follow <paramref name="retriesSoFar"/> retries.</summary>
    public bool AllowsRetry(int retriesSoFar, TimeSpan elapsed) =>
        (MaxRetries < 0 || retriesSoFar < MaxRetries)
        && (!IsExponential || elapsed < ExponentialMaxElapsed);

    /// <summary>A failure with an HTTP code outside <c>matching.httpStatusCodes</c> is permanent.</summary>
    public bool RetriesStatus(int? httpStatus) =>
        httpStatus is null || HttpStatusCodes is null || HttpStatusCodes.Contains(httpStatus.Value);

    /// <param name="unitRandom">A number in [0, 1) for the jitter.</param>
    public TimeSpan DelayBeforeRetry(int retriesSoFar, double unitRandom)
    {
        if (!IsExponential)
        {
            return Duration;
        }

        var interval = ExponentialInitialInterval.TotalMilliseconds * Math.Pow(Multiplier, retriesSoFar);
        interval = Math.Min(interval, MaxInterval.TotalMilliseconds);
        var jitter = 1 + (Randomization * ((unitRandom * 2) - 1));
        return TimeSpan.FromMilliseconds(interval * jitter);
    }
}
