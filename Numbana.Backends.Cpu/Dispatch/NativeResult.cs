using System.Reflection;
using System.Reflection.Emit;
using Numbana.Backends.Cpu.Runtime;
using Numbana.IR;

namespace Numbana.Backends.Cpu.Dispatch;

/// <summary>
/// The end of every emitted native call, shared by the thunks of <c>Jit.Compile&lt;TDelegate&gt;</c>
/// (<see cref="ThunkBuilder"/>) and the callers of <see cref="JitFunction"/> (<see cref="NativeCallEmitter"/>):
/// the local the compiled code writes its result into, and, after the call, the array result claimed,
/// the call's temporary arrays released, the exception a non-zero status names raised, and the result pushed.
/// </summary>
internal sealed class NativeResult
{
    private static readonly MethodInfo EndCallMethod = typeof(ManagedAllocation).GetMethod(nameof(ManagedAllocation.EndCall))!;
    private static readonly MethodInfo FinishMethod = typeof(ManagedAllocation).GetMethod(nameof(ManagedAllocation.Finish))!;
    private static readonly MethodInfo MatchArgumentMethod = typeof(ManagedAllocation).GetMethod(nameof(ManagedAllocation.MatchArgument))!;
    private static readonly FieldInfo NativeArrayData = typeof(NativeArray).GetField(nameof(NativeArray.Data))!;
    private static readonly FieldInfo NativeMultiDimensionalArrayData = typeof(NativeMultiDimensionalArray).GetField(nameof(NativeMultiDimensionalArray.Data))!;
    private static readonly MethodInfo RaiseMethod = typeof(ExceptionRaiser).GetMethod(nameof(ExceptionRaiser.Raise))!;

    private readonly NType _type;
    private readonly Type _clrType;
    private readonly LocalBuilder? _slot;

    private NativeResult(NType type, Type clrType, LocalBuilder? slot)
    {
        _type = type;
        _clrType = clrType;
        _slot = slot;
    }

    /// <summary>
    /// Declares the result's local and pushes its address, the native entry's last argument (null for void):
    /// an array comes back as <c>{ data, lengths }</c> (<see cref="ManagedAllocation"/> turns it into the
    /// array object), a struct in the CLR's layout straight into a local of its own type, a number in its ABI type.
    /// </summary>
    public static NativeResult PushAddress(ILGenerator il, NType type, Type clrType)
    {
        if (type == NType.Void)
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Conv_U);
            return new NativeResult(type, clrType, null);
        }
        var slot = il.DeclareLocal(type switch
        {
            ArrayType => typeof(NativeArray),
            MultiDimensionalArrayType => typeof(NativeMultiDimensionalArray),
            StructType => clrType,
            _ => NativeSignature.ScalarAbiType(type),
        });
        il.Emit(OpCodes.Ldloca, slot);
        il.Emit(OpCodes.Conv_U);
        return new NativeResult(type, clrType, slot);
    }

    /// <summary>
    /// After the calli, with its status on the stack: leaves the .NET result on the stack (nothing for void).
    /// <paramref name="argumentTypes"/> and <paramref name="loadArgument"/> name the call's arguments, so that
    /// an array argument returned as it came is the same object. <paramref name="releaseArguments"/> emits what
    /// the arguments need undone once the native code has returned (the pins of jagged arrays' rows).
    /// <paramref name="bounded"/>: the call was bounded, so it allocated nothing (<see cref="Analysis.BoundedCallAnalysis"/>)
    /// and has no temporary arrays to release.
    /// </summary>
    public void EmitAfterCall(ILGenerator il, IReadOnlyList<Type> argumentTypes, Action<int> loadArgument, bool bounded, Action? releaseArguments = null)
    {
        var status = il.DeclareLocal(typeof(int));
        il.Emit(OpCodes.Stloc, status);
        releaseArguments?.Invoke();
        // Arrays compiled code allocated stay alive until here: claim the returned one, release the rest.
        var array = _type switch
        {
            ArrayType => EmitClaimArray(il, argumentTypes, loadArgument, NativeArrayData),
            MultiDimensionalArrayType => EmitClaimArray(il, argumentTypes, loadArgument, NativeMultiDimensionalArrayData),
            _ => null,
        };
        if (array is null && !bounded) il.Emit(OpCodes.Call, EndCallMethod);
        var ok = il.DefineLabel();
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Brfalse, ok);
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Call, RaiseMethod);
        il.MarkLabel(ok);
        if (array is not null)
        {
            il.Emit(OpCodes.Ldloc, array);
        }
        else if (_slot is not null)
        {
            il.Emit(OpCodes.Ldloc, _slot);
            if (_type == NType.Bool)
            {
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Cgt_Un);
            }
        }
    }

    /// <summary>
    /// The array a compiled method returned: an argument of the same type returned as it came, else the
    /// array compiled code allocated (<see cref="ManagedAllocation.Finish"/>, which also ends the call).
    /// </summary>
    private LocalBuilder EmitClaimArray(ILGenerator il, IReadOnlyList<Type> argumentTypes, Action<int> loadArgument, FieldInfo dataField)
    {
        var found = il.DeclareLocal(typeof(Array));
        for (var i = 0; i < argumentTypes.Count; i++)
        {
            if (argumentTypes[i] != _clrType) continue;
            il.Emit(OpCodes.Ldloca, _slot!);
            il.Emit(OpCodes.Ldfld, dataField);
            loadArgument(i);
            il.Emit(OpCodes.Ldloc, found);
            il.Emit(OpCodes.Call, MatchArgumentMethod);
            il.Emit(OpCodes.Stloc, found);
        }
        il.Emit(OpCodes.Ldloca, _slot!);
        il.Emit(OpCodes.Ldfld, dataField);
        il.Emit(OpCodes.Ldloc, found);
        il.Emit(OpCodes.Call, FinishMethod);
        il.Emit(OpCodes.Castclass, _clrType);
        var array = il.DeclareLocal(_clrType);
        il.Emit(OpCodes.Stloc, array);
        return array;
    }
}
