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
    /// Allows all of LLVM's fast-math flags (reassociation, contraction, no signed zeros, ...): float
    /// reductions vectorize, and results may differ from .NET in the last bits. Off by default.
    /// Reading it says whether any flag is set; setting it sets all flags or none
    /// (<see cref="FastMathFlags"/> chooses a subset).
    /// </summary>
    public bool FastMath
    {
        get => FastMathFlags != FastMathFlags.None;
        init => FastMathFlags = value ? FastMathFlags.All : FastMathFlags.None;
    }

    /// <summary>
    /// The LLVM fast-math flags put on floating-point operations; <see cref="FastMathFlags.None"/> (the
    /// default) keeps .NET's exact results. For example <c>Reassoc | Contract</c> lets float sums
    /// vectorize and multiply-adds fuse while NaNs, infinities and signed zeros keep their meaning.
    /// </summary>
    /// <example><c>new JitOptions { FastMathFlags = FastMathFlags.Reassoc | FastMathFlags.Contract }</c></example>
    public FastMathFlags FastMathFlags { get; init; }

    /// <summary>
    /// When true (the default), <c>Prange.Range</c> loops run in parallel on the thread pool; when
    /// false they run as plain sequential loops.
    /// </summary>
    public bool Parallel { get; init; } = true;

    /// <summary>
    /// When true, compiled object code is stored on disk (<c>NUMBANA_CACHE_DIR</c>, by default
    /// <c>$XDG_CACHE_HOME/numbana</c> or <c>~/.cache/numbana</c>) and later processes load it instead of
    /// compiling. The key hashes the IL of the method and of every method compiled into it, the
    /// signature, these options, the LLVM version and the target, so a changed callee never loads stale
    /// code. Off by default.
    /// </summary>
    public bool Cache { get; init; }

    /// <summary>
    /// The CPU to generate code for: <c>"host"</c> (the default: this machine's CPU and all its
    /// features) or an LLVM CPU name such as <c>"x86-64-v2"</c>, <c>"skylake"</c> or, with an AArch64
    /// <see cref="TargetTriple"/>, <c>"neoverse-v1"</c> (portable code, or code for another machine).
    /// </summary>
    public string TargetCpu { get; init; } = "host";

    /// <summary>
    /// The target triple; null (the default) is the host's. Another triple (e.g.
    /// <c>aarch64-unknown-linux-gnu</c>) can only be inspected (<c>JitFunction.InspectAsm</c>), not run.
    /// </summary>
    public string? TargetTriple { get; init; }

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

/// <summary>
/// LLVM's fast-math flags (the bits of <c>LLVMFastMathFlags</c>), for <see cref="JitOptions.FastMathFlags"/>.
/// </summary>
[Flags]
public enum FastMathFlags
{
    /// <summary>Exact IEEE semantics, as .NET.</summary>
    None = 0,
    /// <summary>Reassociation (lets float reductions vectorize).</summary>
    Reassoc = 1 << 0,
    /// <summary>Assume no NaNs.</summary>
    NoNaNs = 1 << 1,
    /// <summary>Assume no infinities.</summary>
    NoInfs = 1 << 2,
    /// <summary>Ignore the sign of zero.</summary>
    NoSignedZeros = 1 << 3,
    /// <summary>Allow x / y as x * (1 / y).</summary>
    AllowReciprocal = 1 << 4,
    /// <summary>Allow fusing a multiply and an add (fma).</summary>
    Contract = 1 << 5,
    /// <summary>Allow approximations of math functions.</summary>
    ApproxFunc = 1 << 6,
    /// <summary>All of them (C's -ffast-math).</summary>
    All = Reassoc | NoNaNs | NoInfs | NoSignedZeros | AllowReciprocal | Contract | ApproxFunc,
}
