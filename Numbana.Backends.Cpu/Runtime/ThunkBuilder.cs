using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Numbana.IR;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// Emits the managed thunk of a compiled delegate: a static method (in an emitted assembly, see
/// <see cref="Dispatch.EmittedMethods"/>) with the delegate's signature, closed over its slot, that
/// pins each array, passes (pointer to the first element, length) and scalars in their native form,
/// calls the native entry through an unmanaged calli (without the GC transition when the compiled call is
/// bounded: see <see cref="Dispatch.UnmanagedCalli"/>), and raises the exception a non-zero status names.
/// </summary>
/// <remarks>
/// A null array argument raises <see cref="ArgumentNullException"/> at the call, before any compiled code
/// runs (.NET would raise NullReferenceException at the first use; docs/supported-csharp.md says so).
/// </remarks>
internal static class ThunkBuilder
{
    private static readonly FieldInfo EntryPointField = typeof(SpecializationSlot).GetField(nameof(SpecializationSlot.EntryPoint))!;
    private static readonly FieldInfo BoundedEntryPointField = typeof(SpecializationSlot).GetField(nameof(SpecializationSlot.BoundedEntryPoint))!;
    private static readonly FieldInfo ClosureField = typeof(SpecializationSlot).GetField(nameof(SpecializationSlot.Closure))!;
    private static readonly MethodInfo EnsureCompiledMethod = typeof(SpecializationSlot).GetMethod(nameof(SpecializationSlot.EnsureCompiled))!;
    private static readonly MethodInfo OriginalGetter = typeof(SpecializationSlot).GetProperty(nameof(SpecializationSlot.Original))!.GetMethod!;

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
        var bounded = il.DefineLabel();

        // Fast path: one field load and a test per call once compiled (a bounded entry), two for any other entry.
        void EmitTakeEntry(FieldInfo field, Label whenSet)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Stloc, entryPoint);
            il.Emit(OpCodes.Brtrue, whenSet);
        }
        EmitTakeEntry(BoundedEntryPointField, bounded);
        EmitTakeEntry(EntryPointField, native);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, EnsureCompiledMethod); // sets the fields, or neither for the fallback
        EmitTakeEntry(BoundedEntryPointField, bounded);
        EmitTakeEntry(EntryPointField, native);

        // Non-strict fallback (neither entry set): run the original .NET method.
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, OriginalGetter);
        il.Emit(OpCodes.Castclass, delegateType);
        for (var i = 0; i < parameters.Length; i++) il.Emit(OpCodes.Ldarg, i + 1);
        il.Emit(OpCodes.Callvirt, delegateType.GetMethod("Invoke")!);
        il.Emit(OpCodes.Ret);

        // The native call, written twice: with the GC transition, and without it for a bounded entry.
        foreach (var (label, isBounded) in new[] { (native, false), (bounded, true) })
        {
            il.MarkLabel(label);
            if (abi is { } signature)
            {
                EmitNativeCall(il, parameters, signature.Parameters, signature.Return, method.ReturnType, entryPoint, isBounded,
                    abiTypes => Dispatch.CapturedArguments.Emit(il, method, captures, () => { il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Ldfld, ClosureField); }, abiTypes));
            }
            else
            {
                // A signature without a native form never compiles, so EnsureCompiled never sets an entry point.
                il.Emit(OpCodes.Ldstr, "Numbana compiled a method whose signature has no native form: this is a bug in Numbana.");
                il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
                il.Emit(OpCodes.Throw);
            }
        }
    }

    private static void EmitNativeCall(ILGenerator il, ParameterInfo[] parameters, NType[] types, NType returnType, Type clrReturnType, LocalBuilder entryPoint,
        bool bounded, Action<List<Type>> emitCapturedArguments)
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

        var result = Dispatch.NativeResult.PushAddress(il, returnType, clrReturnType);
        abiTypes.Add(typeof(IntPtr));

        il.Emit(OpCodes.Ldloc, entryPoint);
        Dispatch.EmittedMethods.EmitEntryCall(il, [.. abiTypes], bounded);
        result.EmitAfterCall(il, parameters.Select(p => p.ParameterType).ToArray(), i => il.Emit(OpCodes.Ldarg, (short)(i + 1)), bounded,
            () => Dispatch.NativeCallEmitter.EmitReleaseJaggedArguments(il, jaggedArguments));
        il.Emit(OpCodes.Ret);
    }
}
