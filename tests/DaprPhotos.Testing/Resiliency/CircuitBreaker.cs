using System.Globalization;
using System.Text.RegularExpressions;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Resiliency;

/// <summary>
/// daprd's circuit breaker (sony/gobreaker): closed until the trip expression holds, then open
/// for <c>timeout</c>, then half-open for <c>maxRequests</c> trial calls. Every attempt counts.
/// </summary>
public sealed partial class CircuitBreaker(string name, CircuitBreakerSpec spec, TimeProvider time)
{
    private readonly Lock _sync = new();
    private readonly Func<Counts, bool> _trip = ParseTrip(name, spec.Trip);
    private readonly TimeSpan _openFor = Duration(spec.Timeout, TimeSpan.FromSeconds(60), name);
    private readonly TimeSpan _interval = Duration(spec.Interval, TimeSpan.Zero, name);
    private readonly int _maxRequests = spec.MaxRequests is > 0 ? spec.MaxRequests.Value : 1;
    private Counts _counts;
    private BreakerState _state = BreakerState.Closed;
    private DateTimeOffset _until = DateTimeOffset.MaxValue;

    public string Name { get; } = name;

    public BreakerState State
    {
        get
        {
            lock (_sync)
            {
                Refresh();
                return _state;
            }
        }
    }

    /// <summary>False when the breaker rejects the call: daprd stops retrying at once.</summary>
    public bool TryEnter()
    {
        lock (_sync)
        {
            Refresh();
            if (_state == BreakerState.Open
                || (_state == BreakerState.HalfOpen && _counts.Requests >= _maxRequests))
            {
                return false;
            }

            _counts = _counts with { Requests = _counts.Requests + 1 };
            return true;
        }
    }

    public void Record(bool success)
    {
        lock (_sync)
        {
            _counts = success
                ? _counts with
                {
                    ConsecutiveSuccesses = _counts.ConsecutiveSuccesses + 1,
                    ConsecutiveFailures = 0,
                }
                : _counts with
                {
                    ConsecutiveFailures = _counts.ConsecutiveFailures + 1,
                    ConsecutiveSuccesses = 0,
                };

            if (_state == BreakerState.HalfOpen)
            {
                if (!success)
                {
                    MoveTo(BreakerState.Open);
                }
                else if (_counts.ConsecutiveSuccesses >= _maxRequests)
                {
                    MoveTo(BreakerState.Closed);
                }
            }
            else if (_state == BreakerState.Closed && !success && _trip(_counts))
            {
                MoveTo(BreakerState.Open);
            }
        }
    }

    private void Refresh()
    {
        var now = time.GetUtcNow();
        if (now < _until)
        {
            return;
        }

        if (_state == BreakerState.Open)
        {
            MoveTo(BreakerState.HalfOpen);
        }
        else if (_state == BreakerState.Closed)
        {
            MoveTo(BreakerState.Closed);
        }
    }

    private void MoveTo(BreakerState state)
    {
        _state = state;
        _counts = default;
        var now = time.GetUtcNow();
        _until = state switch
        {
            BreakerState.Open => now + _openFor,
            BreakerState.Closed when _interval > TimeSpan.Zero => now + _interval,
            _ => DateTimeOffset.MaxValue,
        };
    }

    private static TimeSpan Duration(string? text, TimeSpan fallback, string name) =>
        text is null ? fallback : GoDuration.Parse(text, name);

    private static Func<Counts, bool> ParseTrip(string name, string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return counts => counts.ConsecutiveFailures > 5;
        }

        var match = TripExpression().Match(expression);
        if (!match.Success)
        {
            throw new DaprResourceException(
                $"circuit breaker {name}: the test sidecar understands trips like "
                + $"'consecutiveFailures > 5', not '{expression}'");
        }

        var limit = int.Parse(match.Groups["limit"].Value, CultureInfo.InvariantCulture);
        Func<Counts, int> value = match.Groups["name"].Value switch
        {
            "consecutiveFailures" => counts => counts.ConsecutiveFailures,
            "consecutiveSuccesses" => counts => counts.ConsecutiveSuccesses,
            _ => counts => counts.Requests,
        };
        return match.Groups["op"].Value switch
        {
            ">" => counts => value(counts) > limit,
            ">=" => counts => value(counts) >= limit,
            "==" => counts => value(counts) == limit,
            _ => counts => value(counts) < limit,
        };
    }

    [GeneratedRegex(
        @"^\s*(?<name>consecutiveFailures|consecutiveSuccesses|requests)"
        + @"\s*(?<op>>=|>|==|<)\s*(?<limit>\d+)\s*$")]
    private static partial Regex TripExpression();

    private record struct Counts(int Requests, int ConsecutiveSuccesses, int ConsecutiveFailures);
}

public enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}
