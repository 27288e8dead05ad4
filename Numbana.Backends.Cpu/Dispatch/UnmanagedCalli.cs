using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Numbana.Backends.Cpu.Dispatch;

/// <summary>
/// The <c>calli</c> that enters compiled code, with its status (<c>int</c>) as result: with the usual GC
/// transition, or, for a bounded call (<see cref="Analysis.BoundedCallAnalysis"/>), without it, as C#'s
/// <c>delegate* unmanaged[Cdecl, SuppressGCTransition]</c> calls. The transition costs about 10 ns a call on
/// the machine of docs/performance.md, half of what calling a small kernel through its delegate costs.
/// </summary>
/// <remarks>
/// <para>The runtime reads <c>SuppressGCTransition</c> only from a signature of the extensible unmanaged calling
/// convention (0x09, <c>IMAGE_CEE_CS_CALLCONV_UNMANAGED</c>) whose return type carries the modifier
/// <c>modopt(CallConvSuppressGCTransition)</c>. Reflection.Emit (.NET 10) writes no such signature: its
/// unmanaged <c>EmitCalli</c> knows only the four fixed conventions, and it adds no modifiers to them. But a
/// property signature (<see cref="SignatureHelper.GetPropertySigHelper(Module, CallingConventions, Type, Type[], Type[], Type[], Type[][], Type[][])"/>)
/// has exactly a method signature's layout, calling convention byte, parameter count, return type with its
/// modifiers, parameters, and it takes modifiers; only its first byte (0x08, PROPERTY) differs. So the
/// signature is built as a property's and its first byte set to 0x09 in the helper's buffer, the one
/// non-public member Numbana touches (<c>SignatureHelper.m_signature</c>, its name since .NET Framework 1.0).</para>
/// <para>Where that field is missing (a future runtime), <see cref="CanSkipGcTransition"/> is false and every
/// call makes the transition: correct, only slower. A test asserts that it is true on the runtime Numbana targets.</para>
/// </remarks>
internal static class UnmanagedCalli
{
    private const byte UnmanagedCallingConvention = 0x09;
    private const byte PropertySignature = 0x08;

    private static readonly FieldInfo? SignatureBytes =
        typeof(SignatureHelper).GetField("m_signature", BindingFlags.NonPublic | BindingFlags.Instance) is { FieldType: var type } field && type == typeof(byte[])
            ? field
            : null;

    /// <summary>True when this runtime lets Numbana emit a call without the GC transition.</summary>
    public static bool CanSkipGcTransition => SignatureBytes is not null;

    /// <summary>
    /// Emits the <c>calli</c> of an entry returning its status, with the arguments and then the entry's address on the stack.
    /// <paramref name="bounded"/>: the call is bounded, so it skips the GC transition (where <see cref="CanSkipGcTransition"/>).
    /// </summary>
    public static void Emit(ILGenerator il, ModuleBuilder module, Type[] abiTypes, bool bounded)
    {
        if (bounded && CreateWithoutGcTransition(module, abiTypes) is { } signature)
            il.Emit(OpCodes.Calli, signature);
        else
            il.EmitCalli(OpCodes.Calli, CallingConvention.Cdecl, typeof(int), abiTypes);
    }

    /// <summary><c>unmanaged ext modopt(CallConvCdecl) modopt(CallConvSuppressGCTransition) int32 (abiTypes)</c>, or null (see the remarks).</summary>
    private static SignatureHelper? CreateWithoutGcTransition(ModuleBuilder module, Type[] abiTypes)
    {
        if (SignatureBytes is null) return null;
        var signature = SignatureHelper.GetPropertySigHelper(module, CallingConventions.Standard, typeof(int),
            requiredReturnTypeCustomModifiers: null, optionalReturnTypeCustomModifiers: [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)],
            abiTypes, requiredParameterTypeCustomModifiers: null, optionalParameterTypeCustomModifiers: null);
        if (SignatureBytes.GetValue(signature) is not byte[] { Length: > 0 } bytes || bytes[0] != PropertySignature) return null;
        bytes[0] = UnmanagedCallingConvention;
        return signature;
    }
}
