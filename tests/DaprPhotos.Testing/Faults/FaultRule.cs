using Grpc.Core;

namespace DaprPhotos.Testing.Faults;

/// <summary>
/// Makes matching sidecar calls fail: the first <see cref="Times"/> matches, each with
/// <see cref="Probability"/>. A component error is what daprd answers when the store or broker
/// fails (after outbound retries); an unreachable sidecar is what the client sees when daprd is gone.
/// A racing writer fails nothing itself: it saves a key first, so the app's ETag goes stale.
/// </summary>
public sealed class FaultRule
{
    private int _remaining;

    internal FaultRule(Func<FaultTarget, bool> matches, int times, double probability, FaultKind kind)
    {
        Matches = matches;
        Times = times;
        _remaining = times;
        Probability = probability;
        Kind = kind;
    }

    public int Times { get; }

    public double Probability { get; }

    public FaultKind Kind { get; }

    /// <summary>How many calls this rule has failed (a racing writer: keys it has saved) so far.</summary>
    public int Injected { get; private set; }

    internal Func<FaultTarget, bool> Matches { get; }

    internal bool TryFire(FaultTarget target, Random random)
    {
        lock (this)
        {
            if (_remaining <= 0 || !Matches(target) || random.NextDouble() >= Probability)
            {
                return false;
            }

            _remaining--;
            Injected++;
            return true;
        }
    }

    internal RpcException ToRpcException(string componentErrorMessage) => Kind switch
    {
        FaultKind.SidecarUnreachable => new RpcException(new Status(
            StatusCode.Unavailable, "Error connecting to subchannel (injected: the sidecar is unreachable)")),
        _ => new RpcException(new Status(StatusCode.Internal, componentErrorMessage)),
    };
}

public enum FaultKind
{
    /// <summary>
    /// The component behind the sidecar failed; daprd retries it by the outbound policy first.
    /// </summary>
    ComponentError,

    /// <summary>The call never reached daprd.</summary>
    SidecarUnreachable,

    /// <summary>
    /// Another client saved the key between the app's read and its ETag-checked write; only
    /// <see cref="SidecarFaults.RaceWrites"/> makes such rules.
    /// </summary>
    RacingWriter,
}

/// <summary>What a fault rule is matched against.</summary>
public sealed record FaultTarget(string AppId, string Method, string Component, string Target);
