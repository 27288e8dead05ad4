namespace Numbana;

/// <summary>
/// How a method is compiled. The defaults give results bit-identical to the .NET JIT.
/// Options are part of the specialization key: the same method compiled with two option sets
/// gives two native functions.
/// </summary>
/// <example>
/// <code>
/// var fast = Jit.Compile&lt;Func&lt;double[], double&gt;&gt;(Sum, new JitOptions { FastMath = true });
/// </code>
/// </example>
public sealed record JitOptions
{
    /// <summary>The defaults: strict, exact .NET semantics, bounds checks on, O3.</summary>
    public static JitOptions Default { get; } = new();

    /// <summary>
    /// When true (the default, like Numba's nopython mode), IL that cannot be compiled throws
    /// <see cref="UnsupportedIlException"/> at the first call. When false, the original .NET method
    /// runs instead and the reason is reported through Numbana's diagnostics.
    /// </summary>
    public bool Strict { get; init; } = true;

    /// <summary>
    /// Allows LLVM's fast-math flags (reassociation, contraction, no signed zeros, ...): float
    /// reductions vectorize, and results may differ from .NET in the last bits. Off by default.
    /// </summary>
    public bool FastMath { get; init; }

    /// <summary>
    /// When true (the default), every array access is checked and an index out of range raises
    /// <see cref="IndexOutOfRangeException"/> in the caller, after exactly the stores .NET would have
    /// made. When false, the checks are removed: an out-of-range index is undefined behaviour.
    /// </summary>
    public bool BoundsCheck { get; init; } = true;

    /// <summary>LLVM optimization level, 0 to 3 (default 3).</summary>
    public int OptLevel
    {
        get => _optLevel;
        init
        {
            if (value is < 0 or > 3)
                throw new ArgumentOutOfRangeException(nameof(OptLevel), value, "OptLevel must be 0, 1, 2 or 3.");
            _optLevel = value;
        }
    }

    private readonly int _optLevel = 3;
}
