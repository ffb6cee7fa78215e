namespace DaprPhotos.Testing.Hosting;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than the wall clock, so daprd's schedules
/// (a 5 s retry, a 60 s processing timeout) keep their proportions but take milliseconds.
/// </summary>
public sealed class AcceleratedTimeProvider(double factor, DateTimeOffset? start = null) : TimeProvider
{
    private readonly DateTimeOffset _start = start ?? System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public double Factor { get; } =
        factor > 0 ? factor : throw new ArgumentOutOfRangeException(nameof(factor));

    public override DateTimeOffset GetUtcNow() =>
        _start + (System.GetElapsedTime(_startTimestamp) * Factor);

    public override long GetTimestamp() =>
        _startTimestamp + (long)((System.GetTimestamp() - _startTimestamp) * Factor);

    public override ITimer CreateTimer(
        TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    private TimeSpan Shrink(TimeSpan interval) =>
        interval == Timeout.InfiniteTimeSpan ? interval : interval / Factor;
}
