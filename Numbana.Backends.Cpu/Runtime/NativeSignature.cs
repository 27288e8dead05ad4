using Numbana.IR;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// The managed view of a compiled entry point's native ABI (<see cref="Lowering.DataModel.FunctionType"/>):
/// what the thunk passes for each .NET parameter.
/// </summary>
internal static class NativeSignature
{
    /// <summary>The .NET type used in the unmanaged calli signature for a value of <paramref name="type"/>.</summary>
    public static Type ScalarAbiType(NType type) => type.Kind switch
    {
        TypeKind.Bool or TypeKind.U8 => typeof(byte),
        TypeKind.I8 => typeof(sbyte),
        TypeKind.I16 => typeof(short),
        TypeKind.U16 or TypeKind.Char => typeof(ushort),
        TypeKind.I32 => typeof(int),
        TypeKind.U32 => typeof(uint),
        TypeKind.I64 => typeof(long),
        TypeKind.U64 => typeof(ulong),
        TypeKind.NInt => typeof(nint),
        TypeKind.NUInt => typeof(nuint),
        TypeKind.F32 => typeof(float),
        TypeKind.F64 => typeof(double),
        _ => throw new ArgumentException($"{type} is not passed as a scalar"),
    };
}
