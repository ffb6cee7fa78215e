using DaprPhotos.Thumbnails.Rendering;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class RenderGateTests
{
    private const long Megabyte = 1024 * 1024;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RendersBeyondTheSlotCountWaitForOneToLeave()
    {
        using var gate = Gate(maxConcurrentRenders: 2, budgetMegabytes: 1024);
        using var first = await gate.EnterAsync(Megabyte, Cancellation);
        using var second = await gate.EnterAsync(Megabyte, Cancellation);

        var third = gate.EnterAsync(Megabyte, Cancellation);
        var waitedForASlot = !third.IsCompleted;
        first.Dispose();

        using var admitted = await third;
        Assert.True(waitedForASlot, "a third render was admitted with two slots taken");
    }

    [Fact]
    public async Task ARenderOverTheMemoryBudgetWaitsForAnotherToLeave()
    {
        using var gate = Gate(maxConcurrentRenders: 4, budgetMegabytes: 100);
        using var first = await gate.EnterAsync(60 * Megabyte, Cancellation);

        var second = gate.EnterAsync(60 * Megabyte, Cancellation);
        var waitedForMemory = !second.IsCompleted;
        first.Dispose();

        using var admitted = await second;
        Assert.True(waitedForMemory, "two renders of 60 MB were admitted under a 100 MB budget");
    }

    [Fact]
    public async Task ARenderLargerThanTheWholeBudgetRunsAlone()
    {
        using var gate = Gate(maxConcurrentRenders: 4, budgetMegabytes: 100);

        using var oversized = await gate.EnterAsync(500 * Megabyte, Cancellation);

        var small = gate.EnterAsync(Megabyte, Cancellation);
        var smallWaited = !small.IsCompleted;
        oversized.Dispose();
        using var admitted = await small;
        Assert.True(smallWaited, "a render was admitted beside one larger than the budget");
    }

    [Fact]
    public async Task AWaitingRenderCanBeCancelledAndGivesBackItsSlot()
    {
        using var gate = Gate(maxConcurrentRenders: 1, budgetMegabytes: 100);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var first = await gate.EnterAsync(60 * Megabyte, Cancellation);
        var waiting = gate.EnterAsync(Megabyte, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        using var next = await gate.EnterAsync(Megabyte, Cancellation);
    }

    [Fact]
    public void ByDefaultAsManyRendersRunAsThereAreProcessors()
    {
        var options = new ThumbnailOptions();

        var slots = options.MaxConcurrentRenders;

        Assert.Equal(Environment.ProcessorCount, slots);
    }

    private static RenderGate Gate(int maxConcurrentRenders, int budgetMegabytes) =>
        new(Options.Create(new ThumbnailOptions
        {
            MaxConcurrentRenders = maxConcurrentRenders,
            RenderMemoryBudgetMegabytes = budgetMegabytes,
        }));
}
