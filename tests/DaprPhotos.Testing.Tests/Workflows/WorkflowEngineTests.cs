using Dapr.Workflow;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Hosting;
using Grpc.Core;

namespace DaprPhotos.Testing.Tests.Workflows;

/// <summary>
/// The sidecar's workflow engine runs Dapr.Workflow as daprd does (dapr-contract §7, the spike's Q2).
/// The canary fails loudly, within its timeout, when a Dapr.Workflow upgrade breaks the wire.
/// </summary>
public sealed class WorkflowEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CanaryRunsAnActivityAnExternalEventAndATimer()
    {
        using var timeout = Timeout();
        await using var environment = DaprTestEnvironment.ForRepository();
        await using var app = await WorkflowApp.StartAsync(
            await environment.StartSidecarAsync(AppIds.Upload), timeout.Token);
        var id = await app.Client.ScheduleNewWorkflowAsync(
            nameof(CanaryWorkflow), input: new CanaryInput("photo", TimeSpan.FromMinutes(5)));
        await app.Client.WaitForWorkflowStartAsync(id, cancellation: timeout.Token);

        await app.Client.RaiseEventAsync(id, CanaryWorkflow.ApprovalEvent, "approved", timeout.Token);
        var state = await app.Client.WaitForWorkflowCompletionAsync(id, cancellation: timeout.Token);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("hello photo, approved", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AnEventThatNeverComesEndsItsWaitByTheDurableTimer()
    {
        using var timeout = Timeout();
        await using var environment = DaprTestEnvironment.ForRepository();
        await using var app = await WorkflowApp.StartAsync(
            await environment.StartSidecarAsync(AppIds.Upload), timeout.Token);

        var id = await app.Client.ScheduleNewWorkflowAsync(
            nameof(CanaryWorkflow), input: new CanaryInput("photo", TimeSpan.FromMilliseconds(200)));
        var state = await app.Client.WaitForWorkflowCompletionAsync(id, cancellation: timeout.Token);

        Assert.Equal("hello photo, no answer", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AWorkflowOutlivesItsAppAndResumesInTheNextOne()
    {
        using var timeout = Timeout();
        await using var environment = DaprTestEnvironment.ForRepository();
        var sidecar = await environment.StartSidecarAsync(AppIds.Upload);
        string id;
        await using (var first = await WorkflowApp.StartAsync(sidecar, timeout.Token))
        {
            id = await first.Client.ScheduleNewWorkflowAsync(
                nameof(CanaryWorkflow), input: new CanaryInput("again", TimeSpan.FromMinutes(5)));
            await first.Client.WaitForWorkflowStartAsync(id, cancellation: timeout.Token);
        }

        await using var second = await WorkflowApp.StartAsync(sidecar, timeout.Token);
        await second.Client.RaiseEventAsync(id, CanaryWorkflow.ApprovalEvent, "approved", timeout.Token);
        var state = await second.Client.WaitForWorkflowCompletionAsync(id, cancellation: timeout.Token);

        Assert.Equal("hello again, approved", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AnActivityCutOffWithItsAppRunsAgainInTheNextOne()
    {
        using var timeout = Timeout();
        await using var environment = DaprTestEnvironment.ForRepository();
        var sidecar = await environment.StartSidecarAsync(AppIds.Upload);
        var closed = new ActivityGate("the first app");
        string id;
        await using (var first = await WorkflowApp.StartAsync(sidecar, timeout.Token, closed))
        {
            id = await first.Client.ScheduleNewWorkflowAsync(nameof(GatedWorkflow), input: "a step");
            await closed.Entered.Task.WaitAsync(timeout.Token);
        }

        var open = new ActivityGate("the second app");
        open.Opened.SetResult();
        await using var second = await WorkflowApp.StartAsync(sidecar, timeout.Token, open);
        var state = await second.Client.WaitForWorkflowCompletionAsync(id, cancellation: timeout.Token);

        Assert.Equal("a step passed in the second app", state.ReadOutputAs<string>());
    }

    [Fact] // dapr-contract §7.3: workflows run on actors, which need an actor state store
    public async Task AnAppWithoutAnActorStateStoreCannotStartAWorkflow()
    {
        using var timeout = Timeout();
        await using var environment = DaprTestEnvironment.ForRepository();
        await using var app = await WorkflowApp.StartAsync(
            await environment.StartSidecarAsync(AppIds.Indexing), timeout.Token);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.Client.ScheduleNewWorkflowAsync(
            nameof(CanaryWorkflow), input: new CanaryInput("photo", TimeSpan.FromSeconds(1))));

        var rpc = Assert.IsType<RpcException>(refused.GetBaseException());
        Assert.Equal(StatusCode.Internal, rpc.StatusCode);
        Assert.Contains("actorStateStore", rpc.Status.Detail, StringComparison.Ordinal);
    }

    private static CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        return timeout;
    }
}
