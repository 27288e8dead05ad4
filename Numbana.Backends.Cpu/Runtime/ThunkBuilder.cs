using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Numbana.IR;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// Emits the managed thunk of a compiled delegate: a static method (in an emitted assembly, see
/// <see cref="Dispatch.EmittedMethods"/>) with the delegate's signature, closed over its slot, that
/// pins each array, passes (pointer to the first element, length) and scalars in their native form,
/// calls the native entry through an unmanaged calli, and raises the exception a non-zero status names.
/// </summary>
/// <remarks>
/// A null array argument raises <see cref="ArgumentNullException"/> at the call, before any compiled code
/// runs (.NET would raise NullReferenceException at the first use; docs/supported-csharp.md says so).
/// </remarks>
internal static class ThunkBuilder
{
    private static readonly FieldInfo EntryPointField = typeof(SpecializationSlot).GetField(nameof(SpecializationSlot.EntryPoint))!;
    private static readonly FieldInfo ClosureField = typeof(SpecializationSlot).GetField(nameof(SpecializationSlot.Closure))!;
    private static readonly MethodInfo EnsureCompiledMethod = typeof(SpecializationSlot).GetMethod(nameof(SpecializationSlot.EnsureCompiled))!;
    private static readonly MethodInfo OriginalGetter = typeof(SpecializationSlot).GetProperty(nameof(SpecializationSlot.Original))!.GetMethod!;
    private static readonly MethodInfo EndCallMethod = typeof(ManagedAllocation).GetMethod(nameof(ManagedAllocation.EndCall))!;
    private static readonly MethodInfo FinishMethod = typeof(ManagedAllocation).GetMethod(nameof(ManagedAllocation.Finish))!;
    private static readonly MethodInfo MatchArgumentMethod = typeof(ManagedAllocation).GetMethod(nameof(ManagedAllocation.MatchArgument))!;
    private static readonly FieldInfo NativeArrayData = typeof(NativeArray).GetField(nameof(NativeArray.Data))!;
    private static readonly FieldInfo NativeMultiDimensionalArrayData = typeof(NativeMultiDimensionalArray).GetField(nameof(NativeMultiDimensionalArray.Data))!;
    private static readonly MethodInfo RaiseMethod = typeof(ExceptionRaiser).GetMethod(nameof(ExceptionRaiser.Raise))!;

    public static Delegate Build(Type delegateType, MethodInfo method, (NType[] Parameters, NType Return)? abi, SpecializationSlot slot)
    {
        var parameters = method.GetParameters();
        var parameterTypes = parameters.Select(p => p.ParameterType).ToArray();
        var captures = slot.Captures ?? [];
        // The thunk names the non-public types it uses: a non-public delegate type, or a lambda's closure class.
        var userAssembly = captures.Count > 0 ? method.DeclaringType!.Assembly : delegateType.IsVisible ? null : delegateType.Assembly;
        var thunk = Dispatch.EmittedMethods.Define($"numbana_thunk_{method.Name}", method.ReturnType, [typeof(SpecializationSlot), .. parameterTypes],
            il => EmitBody(il, delegateType, method, parameters, abi, captures), userAssembly);
        return thunk.CreateDelegate(delegateType, slot);
    }

    private static void EmitBody(ILGenerator il, Type delegateType, MethodInfo method, ParameterInfo[] parameters, (NType[] Parameters, NType Return)? abi,
        IReadOnlyList<Frontend.CapturedVariable> captures)
    {
        var entryPoint = il.DeclareLocal(typeof(IntPtr));
        var native = il.DefineLabel();

        // Fast path: one field load and a test per call once compiled.
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, EntryPointField);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, entryPoint);
        il.Emit(OpCodes.Brtrue, native);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, EnsureCompiledMethod);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, entryPoint);
        il.Emit(OpCodes.Brtrue, native);

        // Non-strict fallback: run the original .NET method.
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, OriginalGetter);
        il.Emit(OpCodes.Castclass, delegateType);
        for (var i = 0; i < parameters.Length; i++) il.Emit(OpCodes.Ldarg, i + 1);
        il.Emit(OpCodes.Callvirt, delegateType.GetMethod("Invoke")!);
        il.Emit(OpCodes.Ret);

        il.MarkLabel(native);
        if (abi is { } signature)
        {
            EmitNativeCall(il, parameters, signature.Parameters, signature.Return, method.ReturnType, entryPoint,
                abiTypes => Dispatch.CapturedArguments.Emit(il, method, captures, () => { il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Ldfld, ClosureField); }, abiTypes));
        }
        else
        {
            // A signature without a native form never compiles, so EnsureCompiled never returns an entry point.
            il.Emit(OpCodes.Ldstr, "Numbana compiled a method whose signature has no native form: this is a bug in Numbana.");
            il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
            il.Emit(OpCodes.Throw);
        }
    }

    private static void EmitNativeCall(ILGenerator il, ParameterInfo[] parameters, NType[] types, NType returnType, Type clrReturnType, LocalBuilder entryPoint,
        Action<List<Type>> emitCapturedArguments)
    {
        var abiTypes = new List<Type>();
        var jaggedArguments = new List<LocalBuilder>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var argument = (short)(i + 1);
            if (types[i] is ArrayType { IsJagged: true })
            {
                jaggedArguments.Add(Dispatch.NativeCallEmitter.EmitJaggedArrayArgument(il, parameters[i].Name ?? $"argument{i}", () => il.Emit(OpCodes.Ldarg, argument),
                    firstOfCall: jaggedArguments.Count == 0));
                abiTypes.Add(typeof(IntPtr));
                abiTypes.Add(typeof(int));
            }
            else if (types[i] is ArrayType)
            {
                Dispatch.NativeCallEmitter.EmitArrayArgument(il, parameters[i].ParameterType, parameters[i].Name ?? $"argument{i}",
                    () => il.Emit(OpCodes.Ldarg, argument));
                abiTypes.Add(typeof(IntPtr));
                abiTypes.Add(typeof(int));
            }
            else if (types[i] is SpanType)
            {
                Dispatch.NativeCallEmitter.EmitSpanArgument(il, parameters[i].ParameterType, () => il.Emit(OpCodes.Ldarg, argument));
                abiTypes.Add(typeof(IntPtr));
                abiTypes.Add(typeof(int));
            }
            else if (types[i] is MultiDimensionalArrayType multiDimensional)
            {
                Dispatch.NativeCallEmitter.EmitMultiDimensionalArrayArgument(il, parameters[i].ParameterType, parameters[i].Name ?? $"argument{i}",
                    () => il.Emit(OpCodes.Ldarg, argument));
                abiTypes.Add(typeof(IntPtr));
                abiTypes.AddRange(Enumerable.Repeat(typeof(int), multiDimensional.Rank));
            }
            else if (types[i] is ByRefType)
            {
                // ref/in/out: a pinned byref local keeps what it points into (an array, a boxed field) in place during the call.
                var pinnedReference = il.DeclareLocal(parameters[i].ParameterType, pinned: true);
                il.Emit(OpCodes.Ldarg, argument);
                il.Emit(OpCodes.Stloc, pinnedReference);
                il.Emit(OpCodes.Ldloc, pinnedReference);
                il.Emit(OpCodes.Conv_U);
                abiTypes.Add(typeof(IntPtr));
            }
            else if (types[i] is StructType)
            {
                // A struct goes by reference to the thunk's own argument (on the stack: it cannot move).
                il.Emit(OpCodes.Ldarga, argument);
                il.Emit(OpCodes.Conv_U);
                abiTypes.Add(typeof(IntPtr));
            }
            else
            {
                il.Emit(OpCodes.Ldarg, argument);
                abiTypes.Add(NativeSignature.ScalarAbiType(types[i]));
            }
        }
        // A lambda's captured variables follow its own arguments (hidden parameters of the entry).
        emitCapturedArguments(abiTypes);

        LocalBuilder? result = null;
        if (returnType != NType.Void)
        {
            // An array comes back as { data, length } (ManagedAllocation turns it into the array object).
            result = il.DeclareLocal(returnType switch
            {
                ArrayType => typeof(NativeArray),
                MultiDimensionalArrayType => typeof(NativeMultiDimensionalArray),
                StructType => clrReturnType, // written in the CLR's layout straight into a local of its own type
                _ => NativeSignature.ScalarAbiType(returnType),
            });
            il.Emit(OpCodes.Ldloca, result);
            il.Emit(OpCodes.Conv_U);
        }
        else
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Conv_U);
        }
        abiTypes.Add(typeof(IntPtr));

        il.Emit(OpCodes.Ldloc, entryPoint);
        il.EmitCalli(OpCodes.Calli, CallingConvention.Cdecl, typeof(int), [.. abiTypes]);
        var ok = il.DefineLabel();
        var status = il.DeclareLocal(typeof(int));
        il.Emit(OpCodes.Stloc, status);
        Dispatch.NativeCallEmitter.EmitReleaseJaggedArguments(il, jaggedArguments);
        // Arrays compiled code allocated stay alive until here: claim the returned one, release the rest.
        var arrayResult = returnType switch
        {
            ArrayType => EmitClaimArrayResult(il, parameters, clrReturnType, result!, NativeArrayData),
            MultiDimensionalArrayType => EmitClaimArrayResult(il, parameters, clrReturnType, result!, NativeMultiDimensionalArrayData),
            _ => null,
        };
        if (arrayResult is null) il.Emit(OpCodes.Call, EndCallMethod);
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Brfalse, ok);
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Call, RaiseMethod);
        il.MarkLabel(ok);
        if (arrayResult is not null)
        {
            il.Emit(OpCodes.Ldloc, arrayResult);
        }
        else if (result is not null)
        {
            il.Emit(OpCodes.Ldloc, result);
            if (returnType == NType.Bool)
            {
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Cgt_Un);
            }
        }
        il.Emit(OpCodes.Ret);
    }

    /// <summary>
    /// The T[] a compiled method returned: an argument of the same type returned as it came, else the
    /// array compiled code allocated (<see cref="ManagedAllocation.Finish"/>, which also ends the call).
    /// </summary>
    private static LocalBuilder EmitClaimArrayResult(ILGenerator il, ParameterInfo[] parameters, Type arrayType, LocalBuilder result, FieldInfo dataField)
    {
        var found = il.DeclareLocal(typeof(Array));
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType != arrayType) continue;
            il.Emit(OpCodes.Ldloca, result);
            il.Emit(OpCodes.Ldfld, dataField);
            il.Emit(OpCodes.Ldarg, (short)(i + 1));
            il.Emit(OpCodes.Ldloc, found);
            il.Emit(OpCodes.Call, MatchArgumentMethod);
            il.Emit(OpCodes.Stloc, found);
        }
        il.Emit(OpCodes.Ldloca, result);
        il.Emit(OpCodes.Ldfld, dataField);
        il.Emit(OpCodes.Ldloc, found);
        il.Emit(OpCodes.Call, FinishMethod);
        il.Emit(OpCodes.Castclass, arrayType);
        var array = il.DeclareLocal(arrayType);
        il.Emit(OpCodes.Stloc, array);
        return array;
    }
}
