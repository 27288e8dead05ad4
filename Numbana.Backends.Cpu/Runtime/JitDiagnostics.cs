using System.Diagnostics;
using System.Reflection;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// Reports what a user must know but that does not stop their program: in non-strict mode, the
/// reason a method runs as .NET code instead of compiled code (once per method and options).
/// </summary>
internal static class JitDiagnostics
{
    /// <summary>Raised once per fallback, with the method and the reason.</summary>
    public static event Action<MethodInfo, NumbanaException>? FallbackOccurred;

    public static void ReportFallback(MethodInfo method, NumbanaException reason)
    {
        Trace.TraceWarning($"Numbana: {MethodNames.Describe(method)} runs as .NET code (Strict = false): {reason.Message}");
        FallbackOccurred?.Invoke(method, reason);
    }
}
