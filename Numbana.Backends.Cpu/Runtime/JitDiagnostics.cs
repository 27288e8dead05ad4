using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// Reports what a user must know but that does not stop their program: in non-strict mode, the
/// reason a method runs as .NET code instead of compiled code, once per method, signature and options,
/// through <see cref="Jit.Logger"/> (a warning), the "Numbana" EventSource (event "Fallback"),
/// <see cref="Trace"/> and the <see cref="FallbackOccurred"/> event.
/// </summary>
internal static class JitDiagnostics
{
    private static readonly ConcurrentDictionary<(MethodInfo Method, string Signature, JitOptions Options), byte> Reported = new();

    /// <summary>Raised once per fallback, with the method and the reason.</summary>
    public static event Action<MethodInfo, NumbanaException>? FallbackOccurred;

    public static void ReportFallback(MethodInfo method, NumbanaException reason) =>
        ReportFallback(method, "(" + string.Join(", ", method.GetParameters().Select(p => MethodNames.TypeName(p.ParameterType))) + ")", JitOptions.Default, reason);

    public static void ReportFallback(MethodInfo method, string signature, JitOptions options, NumbanaException reason)
    {
        if (!Reported.TryAdd((method, signature, options), 0)) return;
        var name = MethodNames.Describe(method);
        Trace.TraceWarning($"Numbana: {name} {signature} runs as .NET code (Strict = false): {reason.Message}");
        NumbanaEventSource.Log.Fallback(name, signature, reason.Message);
        Jit.Logger?.LogWarning(FallbackEvent, reason, "Numbana: {Method} {Signature} runs as .NET code (Strict = false): {Reason}", name, signature, reason.Message);
        FallbackOccurred?.Invoke(method, reason);
    }

    private static readonly EventId FallbackEvent = new(1, "Fallback");
}

/// <summary>
/// The "Numbana" EventSource (<c>dotnet-trace collect --providers Numbana</c>, or an EventListener):
/// event 1, "Fallback", with the method, the signature and the reason it runs as .NET code.
/// </summary>
[EventSource(Name = "Numbana")]
internal sealed class NumbanaEventSource : EventSource
{
    public static readonly NumbanaEventSource Log = new();

    [Event(1, Level = EventLevel.Warning, Message = "{0} {1} runs as .NET code: {2}")]
    public void Fallback(string method, string signature, string reason)
    {
        if (IsEnabled()) WriteEvent(1, method, signature, reason);
    }
}
