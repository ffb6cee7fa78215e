using Dapr.Workflow;

namespace DaprPhotos.Testing.Tests.Workflows;

/// <summary>A workflow of one activity that waits at a gate the test opens (or never opens).</summary>
internal sealed class GatedWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.CallActivityAsync<string>(nameof(GatedActivity), input);
}

internal sealed class GatedActivity(ActivityGate gate) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        gate.Entered.TrySetResult();
        await gate.Opened.Task;
        return $"{input} passed in {gate.Name}";
    }
}

/// <summary>One app's gate: it says when an activity reached it, and lets it through when opened.</summary>
internal sealed class ActivityGate(string name)
{
    public string Name { get; } = name;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
