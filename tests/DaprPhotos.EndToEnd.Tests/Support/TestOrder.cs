using Xunit.Sdk;
using Xunit.v3;

// Each end-to-end test hosts three services and three sidecars and leans on the machine's cores;
// they run one after another so none starves another's delivery timeouts.
[assembly: Parallelization(Mode = ParallelMode.None)]
