using Numbana.Runtime;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// Turns the status a compiled function returns into the .NET exception it stands for, raised in
/// the managed caller (no exception ever unwinds through native frames). The messages are the ones
/// the .NET runtime uses for the same faults.
/// </summary>
internal static class ExceptionRaiser
{
    public static void Raise(int status) => throw Create((ExceptionStatus)status);

    public static Exception Create(ExceptionStatus status) => status switch
    {
        ExceptionStatus.IndexOutOfRange => new IndexOutOfRangeException(),
        ExceptionStatus.DivideByZero => new DivideByZeroException(),
        ExceptionStatus.Overflow => new OverflowException(),
        ExceptionStatus.NullReference => new NullReferenceException(),
        // The messages of System.Math's own throws (Clamp's names the two values there; here it cannot).
        ExceptionStatus.ArithmeticNaN => new ArithmeticException("Function does not accept floating point Not-a-Number values."),
        ExceptionStatus.ClampMinGreaterThanMax => new ArgumentException("Math.Clamp: min cannot be greater than max."),
        ExceptionStatus.InvalidMidpointRounding => new ArgumentException("The value is not valid for this usage of the type MidpointRounding.", "mode"),
        ExceptionStatus.RoundingDigitsOutOfRange => new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive."),
        ExceptionStatus.OutOfMemory => new OutOfMemoryException("Array dimensions exceeded supported range."),
        >= ExceptionStatus.FirstThrown when ThrownExceptions.Create(status) is { } thrown => thrown,
        _ => new InvalidOperationException($"Compiled code returned the unknown status {(int)status}: this is a bug in Numbana."),
    };
}
