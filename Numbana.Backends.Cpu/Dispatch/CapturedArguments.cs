using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Numbana.Backends.Cpu.Runtime;
using Numbana.Frontend;
using Numbana.IR;

namespace Numbana.Backends.Cpu.Dispatch;

/// <summary>
/// Emits the hidden arguments of a compiled lambda that captures: each captured variable
/// (<see cref="ClosureCaptures"/>), read from the delegate's closure object at each call, after the
/// delegate's own arguments. A number is passed by value; an array is pinned for the call and passed as
/// (pointer, length); a variable the lambda writes is passed as a pointer to the closure's field, pinned
/// for the call, so .NET reads the new value after the call (and the lambda its own writes during it).
/// </summary>
/// <remarks>
/// A captured array that is null raises <see cref="NullReferenceException"/> naming the variable, before
/// any compiled code runs (.NET raises it at the first use). Shared by <see cref="ThunkBuilder"/> and
/// <see cref="NativeCallEmitter"/>.
/// </remarks>
internal static class CapturedArguments
{
    private static readonly MethodInfo ArrayDataReference = typeof(MemoryMarshal).GetMethods()
        .Single(m => m.Name == nameof(MemoryMarshal.GetArrayDataReference) && m.IsGenericMethodDefinition && m.GetParameters()[0].ParameterType.IsArray);
    private static readonly ConstructorInfo NullReferenceConstructor = typeof(NullReferenceException).GetConstructor([typeof(string)])!;

    /// <summary>
    /// Pushes the hidden arguments and adds their ABI types to <paramref name="abiTypes"/>;
    /// <paramref name="loadClosure"/> pushes the closure object (typed as object).
    /// </summary>
    public static void Emit(ILGenerator il, MethodInfo lambda, IReadOnlyList<CapturedVariable> captures, Action loadClosure, List<Type> abiTypes)
    {
        if (captures.Count == 0) return;
        var closureType = lambda.DeclaringType!;
        var closure = il.DeclareLocal(closureType);
        loadClosure();
        il.Emit(OpCodes.Castclass, closureType);
        il.Emit(OpCodes.Stloc, closure);
        foreach (var capture in captures)
        {
            // The closure, then the links to the closure of the scope that declared the variable.
            il.Emit(OpCodes.Ldloc, closure);
            foreach (var link in capture.Path.Take(capture.Path.Count - 1)) il.Emit(OpCodes.Ldfld, link);
            if (capture.Written)
            {
                var pinnedField = il.DeclareLocal(capture.Field.FieldType.MakeByRefType(), pinned: true);
                il.Emit(OpCodes.Ldflda, capture.Field);
                il.Emit(OpCodes.Stloc, pinnedField);
                il.Emit(OpCodes.Ldloc, pinnedField);
                il.Emit(OpCodes.Conv_U);
                abiTypes.Add(typeof(IntPtr));
            }
            else if (capture.Type is ArrayType)
            {
                EmitArray(il, capture);
                abiTypes.Add(typeof(IntPtr));
                abiTypes.Add(typeof(int));
            }
            else
            {
                il.Emit(OpCodes.Ldfld, capture.Field);
                abiTypes.Add(NativeSignature.ScalarAbiType(capture.Type));
            }
        }
    }

    /// <summary>With the field's owner on the stack: pins the captured array and pushes (address of element 0, length).</summary>
    private static void EmitArray(ILGenerator il, CapturedVariable capture)
    {
        var arrayType = capture.Field.FieldType;
        var array = il.DeclareLocal(arrayType, pinned: true);
        var notNull = il.DefineLabel();
        il.Emit(OpCodes.Ldfld, capture.Field);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, array);
        il.Emit(OpCodes.Brtrue, notNull);
        il.Emit(OpCodes.Ldstr, $"The captured variable '{capture.Name}' is null: the compiled lambda reads it as an array. Assign an array to it before calling the lambda.");
        il.Emit(OpCodes.Newobj, NullReferenceConstructor);
        il.Emit(OpCodes.Throw);
        il.MarkLabel(notNull);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Call, ArrayDataReference.MakeGenericMethod(arrayType.GetElementType()!));
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Ldlen);
        il.Emit(OpCodes.Conv_I4);
    }
}
