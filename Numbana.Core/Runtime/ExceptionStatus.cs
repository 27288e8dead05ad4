namespace Numbana.Runtime;

/// <summary>
/// The status every compiled entry returns (the native ABI: 0 is success). A non-zero status names
/// the .NET exception that the managed caller raises; compiled code never unwinds through native frames.
/// </summary>
internal enum ExceptionStatus
{
    Ok = 0,
    IndexOutOfRange = 1,
    DivideByZero = 2,
    Overflow = 3,
    NullReference = 4,
    /// <summary>An allocation failed: the array is larger than .NET allows (OutOfMemoryException, as .NET).</summary>
    OutOfMemory = 5,
    /// <summary>Math.Sign of NaN: ArithmeticException.</summary>
    ArithmeticNaN = 6,
    /// <summary>Math.Clamp with min &gt; max: ArgumentException.</summary>
    ClampMinGreaterThanMax = 7,
    /// <summary>Math.Round with a MidpointRounding that is not one of the five: ArgumentException.</summary>
    InvalidMidpointRounding = 8,
    /// <summary>Math.Round with digits outside 0 to 15 (MathF: 0 to 6): ArgumentOutOfRangeException.</summary>
    RoundingDigitsOutOfRange = 9,
    /// <summary>
    /// The first status of a <c>throw new X("message")</c> in compiled code: statuses from here on name
    /// an entry of <see cref="ThrownExceptions"/> (the exception's constructor and its constant arguments).
    /// </summary>
    FirstThrown = 256,
}
