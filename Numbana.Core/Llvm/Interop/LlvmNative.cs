using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

/// <summary>
/// Raw bindings of the LLVM-C API, one partial file per llvm-c header. Every method keeps its C
/// name and C parameter order, so code that says <c>using static Numbana.Llvm.Interop.LlvmNative;</c>
/// reads like the C it mirrors.
/// </summary>
/// <remarks>
/// Conventions of the declarations (checked against the LLVM 19 headers):
/// <list type="bullet">
/// <item><c>LLVMBool</c> is <see cref="int"/>, <c>unsigned</c> is <see cref="uint"/>, <c>size_t</c> is
/// <see cref="nuint"/>, <c>uint64_t</c>/<c>unsigned long long</c> are <see cref="ulong"/>.</item>
/// <item>A NUL-terminated <c>const char*</c> input is a <see cref="string"/> (UTF-8). A <c>const char*</c>
/// that travels with a byte length is a <c>byte*</c>; <see cref="LlvmNative"/>'s string overloads in
/// <c>LlvmNative.Spans.cs</c> compute the UTF-8 length for you.</item>
/// <item>A returned <c>char*</c> is an <see cref="IntPtr"/>: pass it to <see cref="LlvmText"/>, which knows
/// whether to free it (<see cref="LlvmText.TakeMessage"/>) or only copy it (<see cref="LlvmText.Borrow(IntPtr)"/>).</item>
/// <item>Arrays are pointer + count; span overloads live in <c>LlvmNative.Spans.cs</c>.</item>
/// <item>Entry points that exist only in some LLVM versions carry <see cref="LlvmVersionRangeAttribute"/>.</item>
/// </list>
/// Nothing here checks handles for null or frees anything: that is the job of the owning wrappers
/// in <c>Numbana.Llvm.Handles</c>.
/// </remarks>
internal static unsafe partial class LlvmNative
{
    /// <summary>The library name every <c>LibraryImport</c> uses; <see cref="LlvmLibrary"/> resolves it.</summary>
    internal const string LibraryName = "LLVM";

    /// <summary>
    /// Installs the resolver before the first binding runs: a static method call on this class
    /// runs this constructor first (an explicit static constructor turns off beforefieldinit).
    /// </summary>
    static LlvmNative()
    {
        LlvmLibrary.InstallResolver();
    }
}

/// <summary>
/// Marks an entry point that exists only in the LLVM major versions <see cref="Min"/> to
/// <see cref="Max"/> (both inclusive). Callers check <see cref="LlvmLibrary.Version"/> (or
/// <see cref="IsAvailableIn"/>) before calling it; the binding-table test skips it outside the range.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
internal sealed class LlvmVersionRangeAttribute : Attribute
{
    /// <summary>Creates the range; <paramref name="max"/> defaults to "no upper bound known".</summary>
    public LlvmVersionRangeAttribute(int min, int max = int.MaxValue)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The first LLVM major version that exports the entry point.</summary>
    public int Min { get; }

    /// <summary>The last LLVM major version that exports the entry point.</summary>
    public int Max { get; }

    /// <summary>Whether the entry point exists in LLVM major version <paramref name="major"/>.</summary>
    public bool IsAvailableIn(int major) => major >= Min && major <= Max;
}
