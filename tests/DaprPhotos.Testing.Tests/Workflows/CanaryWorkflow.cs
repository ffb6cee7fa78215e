using Dapr.Workflow;

namespace DaprPhotos.Testing.Tests.Workflows;

/// <summary>
/// The three things every workflow of the product leans on, in one: an activity, an external event
/// with a timeout, and a durable timer.
/// </summary>
internal sealed class CanaryWorkflow : Workflow<CanaryInput, string>
{
    public const string ApprovalEvent = "approval";

    public override async Task<string> RunAsync(WorkflowContext context, CanaryInput input)
    {
        var greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), input.Name);

        string approval;
        try
        {
            approval = await context.WaitForExternalEventAsync<string>(ApprovalEvent, input.ApprovalTimeout);
        }
        catch (TaskCanceledException)
        {
            approval = "no answer";
        }

        await context.CreateTimer(TimeSpan.FromMilliseconds(50));
        return $"{greeting}, {approval}";
    }
}

internal sealed record CanaryInput(string Name, TimeSpan ApprovalTimeout);

internal sealed class GreetActivity : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input) =>
        Task.FromResult($"hello {input}");
}
