using Xunit.v3;

namespace DaprPhotos.Configuration.Tests.Support;

/// <summary>Runs a theory once for each run file at the repository root.</summary>
public sealed class EachRunFileAttribute : MemberDataAttributeBase
{
    public EachRunFileAttribute()
        : base(nameof(RepositoryLayout.RunFileNames), []) => MemberType = typeof(RepositoryLayout);
}

/// <summary>Runs a theory once for each run file other than <c>dapr.yaml</c>.</summary>
public sealed class EachAlternativeRunFileAttribute : MemberDataAttributeBase
{
    public EachAlternativeRunFileAttribute()
        : base(nameof(RepositoryLayout.AlternativeRunFileNames), []) => MemberType = typeof(RepositoryLayout);
}

/// <summary>Runs a theory once for each component folder, the default included.</summary>
public sealed class EachComponentFolderAttribute : MemberDataAttributeBase
{
    public EachComponentFolderAttribute()
        : base(nameof(RepositoryLayout.ComponentFolderNames), []) => MemberType = typeof(RepositoryLayout);
}

/// <summary>Runs a theory once for each component folder other than <c>components/</c>.</summary>
public sealed class EachAlternativeComponentFolderAttribute : MemberDataAttributeBase
{
    public EachAlternativeComponentFolderAttribute()
        : base(nameof(RepositoryLayout.AlternativeComponentFolderNames), []) =>
        MemberType = typeof(RepositoryLayout);
}
