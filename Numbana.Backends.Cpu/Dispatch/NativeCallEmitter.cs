using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Numbana.Backends.Cpu.Compilation;
using Numbana.Backends.Cpu.Runtime;
using Numbana.Frontend;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Backends.Cpu.Dispatch;

/// <summary>How one argument reaches the native entry point.</summary>
internal enum ArgumentKind
{
    /// <summary>A primitive, passed by value.</summary>
    Scalar,
    /// <summary>A T[]: pinned, passed as (pointer to element 0, length).</summary>
    Array,
    /// <summary>A List&lt;T&gt;: its backing storage (<see cref="CollectionsMarshal.AsSpan{T}"/>) pinned, passed as (pointer, Count).</summary>
    List,
    /// <summary>A Span&lt;T&gt; or ReadOnlySpan&lt;T&gt;: its memory pinned through its reference, passed as (pointer, length).</summary>
    Span,
    /// <summary>A T[,], T[,,]...: pinned, passed as (pointer to element [0, 0], length of each dimension).</summary>
    MultiDimensionalArray,
    /// <summary>A T[][] or T[][][]: every row pinned, passed as (pointer to a native table of rows, length): see <see cref="JaggedArgument"/>.</summary>
    JaggedArray,
}

/// <summary>
/// Emits the IL that calls a compiled entry point: the entry's address is a constant in the code (a
/// specialization is compiled before its caller is emitted), arrays and lists are pinned for the call,
/// and a non-zero status raises its .NET exception. Both callers of <see cref="JitFunction"/> use it: the
/// typed delegates of <c>As&lt;TDelegate&gt;</c> and the per-signature invokers of <c>Invoke(object[])</c>.
/// </summary>
internal static class NativeCallEmitter
{
    private static readonly ConstructorInfo ArgumentNullConstructor = typeof(ArgumentNullException).GetConstructor([typeof(string)])!;
    private static readonly MethodInfo ArrayDataReference = typeof(MemoryMarshal).GetMethods()
        .Single(m => m.Name == nameof(MemoryMarshal.GetArrayDataReference) && m.IsGenericMethodDefinition && m.GetParameters()[0].ParameterType.IsArray);
    private static readonly MethodInfo AsSpan = typeof(CollectionsMarshal).GetMethod(nameof(CollectionsMarshal.AsSpan))!;

    public static ArgumentKind KindOf(Type runtimeType) =>
        runtimeType.IsSZArray && runtimeType.GetElementType()!.IsSZArray ? ArgumentKind.JaggedArray
        : runtimeType.IsSZArray ? ArgumentKind.Array
        : runtimeType.IsArray ? ArgumentKind.MultiDimensionalArray
        : SpecializedTypes.IsList(runtimeType, out _) ? ArgumentKind.List
        : ClrTypes.IsSpan(runtimeType, out _, out _) ? ArgumentKind.Span
        : ArgumentKind.Scalar;

    /// <summary>
    /// Emits the call. <paramref name="loadArgument"/> pushes argument i as <paramref name="argumentTypes"/>[i]
    /// (already cast or unboxed). Leaves the result (of <paramref name="returnType"/>, the CLR type) on the stack, or nothing for void.
    /// </summary>
    /// <remarks><paramref name="bounded"/>: the entry's calls are bounded (<see cref="CompiledSpecialization.IsBounded"/>), so the call skips the GC transition.</remarks>
    public static void Emit(ILGenerator il, IReadOnlyList<Type> argumentTypes, IReadOnlyList<string> names, Type returnType,
        IntPtr entryPoint, bool bounded, Action<int> loadArgument, Action<List<Type>>? emitCapturedArguments = null)
    {
        var abiTypes = new List<Type>();
        var jaggedArguments = new List<LocalBuilder>();
        for (var i = 0; i < argumentTypes.Count; i++)
        {
            var type = argumentTypes[i];
            switch (KindOf(type))
            {
                case ArgumentKind.JaggedArray:
                {
                    var index = i;
                    jaggedArguments.Add(EmitJaggedArrayArgument(il, names[i], () => loadArgument(index), firstOfCall: jaggedArguments.Count == 0));
                    abiTypes.Add(typeof(IntPtr));
                    abiTypes.Add(typeof(int));
                    break;
                }
                case ArgumentKind.Array:
                {
                    var index = i;
                    EmitArrayArgument(il, type, names[i], () => loadArgument(index));
                    abiTypes.Add(typeof(IntPtr));
                    abiTypes.Add(typeof(int));
                    break;
                }
                case ArgumentKind.List:
                {
                    var element = type.GetGenericArguments()[0];
                    var spanType = typeof(Span<>).MakeGenericType(element);
                    var span = il.DeclareLocal(spanType);
                    var pinnedReference = il.DeclareLocal(element.MakeByRefType(), pinned: true);
                    loadArgument(i);
                    il.Emit(OpCodes.Dup);
                    EmitNullCheck(il, names[i]);
                    il.Emit(OpCodes.Call, AsSpan.MakeGenericMethod(element));
                    il.Emit(OpCodes.Stloc, span);
                    il.Emit(OpCodes.Ldloca, span);
                    il.Emit(OpCodes.Call, spanType.GetMethod(nameof(Span<int>.GetPinnableReference))!);
                    il.Emit(OpCodes.Stloc, pinnedReference);
                    il.Emit(OpCodes.Ldloc, pinnedReference);
                    il.Emit(OpCodes.Conv_U);
                    il.Emit(OpCodes.Ldloca, span);
                    il.Emit(OpCodes.Call, spanType.GetProperty(nameof(Span<int>.Length))!.GetMethod!);
                    abiTypes.Add(typeof(IntPtr));
                    abiTypes.Add(typeof(int));
                    break;
                }
                case ArgumentKind.Span:
                {
                    var index = i;
                    EmitSpanArgument(il, type, () => loadArgument(index));
                    abiTypes.Add(typeof(IntPtr));
                    abiTypes.Add(typeof(int));
                    break;
                }
                case ArgumentKind.MultiDimensionalArray:
                {
                    var index = i;
                    EmitMultiDimensionalArrayArgument(il, type, names[i], () => loadArgument(index));
                    abiTypes.Add(typeof(IntPtr));
                    abiTypes.AddRange(Enumerable.Repeat(typeof(int), type.GetArrayRank()));
                    break;
                }
                default:
                    loadArgument(i);
                    if (ClrTypes.TryMap(type, out _) is StructType)
                    {
                        // A struct goes by reference to a copy in a local (on the stack: it cannot move).
                        var copy = il.DeclareLocal(type);
                        il.Emit(OpCodes.Stloc, copy);
                        il.Emit(OpCodes.Ldloca, copy);
                        il.Emit(OpCodes.Conv_U);
                        abiTypes.Add(typeof(IntPtr));
                        break;
                    }
                    abiTypes.Add(NativeSignature.ScalarAbiType(ClrTypes.TryMap(type, out _)!));
                    break;
            }
        }
        // A lambda's captured variables follow its own arguments (CapturedArguments).
        emitCapturedArguments?.Invoke(abiTypes);

        var returnIr = returnType == typeof(void) ? NType.Void : ClrTypes.TryMap(returnType, out _)!;
        var result = NativeResult.PushAddress(il, returnIr, returnType);
        abiTypes.Add(typeof(IntPtr));

        il.Emit(OpCodes.Ldc_I8, (long)entryPoint);
        il.Emit(OpCodes.Conv_I);
        EmittedMethods.EmitEntryCall(il, [.. abiTypes], bounded);
        result.EmitAfterCall(il, argumentTypes, loadArgument, bounded, () => EmitReleaseJaggedArguments(il, jaggedArguments));
    }

    /// <summary>
    /// Pushes a T[] argument as the native ABI passes it, (address of element 0, length), after checking
    /// it for null (ArgumentNullException naming <paramref name="name"/>); a pinned local keeps the array
    /// in place until the emitted method returns. Shared by these callers and <see cref="ThunkBuilder"/>.
    /// </summary>
    public static void EmitArrayArgument(ILGenerator il, Type arrayType, string name, Action loadArgument)
    {
        var array = il.DeclareLocal(arrayType, pinned: true);
        loadArgument();
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, array);
        EmitNullCheck(il, name);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Call, ArrayDataReference.MakeGenericMethod(arrayType.GetElementType()!));
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Ldlen);
        il.Emit(OpCodes.Conv_I4);
    }

    /// <summary>
    /// Pushes a T[][] or T[][][] argument as (address of its table of pinned rows, length), after checking it for
    /// null (ArgumentNullException naming <paramref name="name"/>). Returns the local holding the
    /// <see cref="JaggedArgument"/>, which <see cref="EmitReleaseJaggedArguments"/> releases once the call returns.
    /// Shared by these callers and <see cref="ThunkBuilder"/>. Before the first of a call (<paramref name="firstOfCall"/>),
    /// the pins an earlier call on the thread left when it threw before its native call are released.
    /// </summary>
    public static LocalBuilder EmitJaggedArrayArgument(ILGenerator il, string name, Action loadArgument, bool firstOfCall)
    {
        if (firstOfCall) il.Emit(OpCodes.Call, JaggedReleaseAbandonedMethod);
        var pinned = il.DeclareLocal(typeof(JaggedArgument));
        loadArgument();
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Call, JaggedPinMethod);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, pinned);
        il.Emit(OpCodes.Call, JaggedTableGetter);
        il.Emit(OpCodes.Ldloc, pinned);
        il.Emit(OpCodes.Call, JaggedLengthGetter);
        return pinned;
    }

    /// <summary>Unpins the rows of the jagged arguments: emitted right after the native call, before any exception is raised.</summary>
    public static void EmitReleaseJaggedArguments(ILGenerator il, IEnumerable<LocalBuilder> jaggedArguments)
    {
        foreach (var pinned in jaggedArguments)
        {
            il.Emit(OpCodes.Ldloc, pinned);
            il.Emit(OpCodes.Call, JaggedReleaseMethod);
        }
    }

    private static readonly MethodInfo JaggedPinMethod = typeof(JaggedArgument).GetMethod(nameof(JaggedArgument.Pin))!;
    private static readonly MethodInfo JaggedTableGetter = typeof(JaggedArgument).GetProperty(nameof(JaggedArgument.Table))!.GetMethod!;
    private static readonly MethodInfo JaggedLengthGetter = typeof(JaggedArgument).GetProperty(nameof(JaggedArgument.Length))!.GetMethod!;
    private static readonly MethodInfo JaggedReleaseAbandonedMethod = typeof(JaggedArgument).GetMethod(nameof(JaggedArgument.ReleaseAbandoned))!;
    private static readonly MethodInfo JaggedReleaseMethod = typeof(JaggedArgument).GetMethod(nameof(JaggedArgument.Release))!;

    /// <summary>
    /// Pushes a Span&lt;T&gt; or ReadOnlySpan&lt;T&gt; argument as (address of element 0, length). A pinned byref local
    /// holding <see cref="MemoryMarshal.GetReference{T}(Span{T})"/> keeps what the span points into (an array, or
    /// nothing to pin for native or stack memory) in place until the emitted method returns. An empty or
    /// default span passes its reference as it is (possibly null): compiled code never reads through it.
    /// </summary>
    public static void EmitSpanArgument(ILGenerator il, Type spanType, Action loadArgument)
    {
        var element = spanType.GetGenericArguments()[0];
        var span = il.DeclareLocal(spanType);
        var pinnedReference = il.DeclareLocal(element.MakeByRefType(), pinned: true);
        loadArgument();
        il.Emit(OpCodes.Stloc, span);
        var getReference = typeof(MemoryMarshal).GetMethods()
            .Single(m => m.Name == nameof(MemoryMarshal.GetReference) && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == spanType.GetGenericTypeDefinition());
        il.Emit(OpCodes.Ldloc, span);
        il.Emit(OpCodes.Call, getReference.MakeGenericMethod(element));
        il.Emit(OpCodes.Stloc, pinnedReference);
        il.Emit(OpCodes.Ldloc, pinnedReference);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldloca, span);
        il.Emit(OpCodes.Call, spanType.GetProperty("Length")!.GetMethod!);
    }

    /// <summary>
    /// Pushes a T[,] (or higher rank) argument as (address of element [0, 0, ...], length of each dimension),
    /// after checking it for null (ArgumentNullException) and for non-zero lower bounds (ArgumentException:
    /// compiled code indexes from zero); a pinned local keeps the array in place during the call.
    /// </summary>
    public static void EmitMultiDimensionalArrayArgument(ILGenerator il, Type arrayType, string name, Action loadArgument)
    {
        var array = il.DeclareLocal(arrayType, pinned: true);
        loadArgument();
        il.Emit(OpCodes.Stloc, array);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Call, CheckMultiDimensionalArgument);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Call, ArrayDataReferenceOfAnyArray);
        il.Emit(OpCodes.Conv_U);
        for (var d = 0; d < arrayType.GetArrayRank(); d++)
        {
            il.Emit(OpCodes.Ldloc, array);
            il.Emit(OpCodes.Ldc_I4, d);
            il.Emit(OpCodes.Callvirt, GetLengthMethod);
        }
    }

    private static readonly MethodInfo CheckMultiDimensionalArgument = typeof(MultiDimensionalArguments).GetMethod(nameof(MultiDimensionalArguments.Check))!;
    private static readonly MethodInfo ArrayDataReferenceOfAnyArray = typeof(MemoryMarshal).GetMethod(nameof(MemoryMarshal.GetArrayDataReference), [typeof(Array)])!;
    private static readonly MethodInfo GetLengthMethod = typeof(Array).GetMethod(nameof(Array.GetLength), [typeof(int)])!;

    /// <summary>Consumes the reference on the stack; throws ArgumentNullException when it is null.</summary>
    private static void EmitNullCheck(ILGenerator il, string name)
    {
        var notNull = il.DefineLabel();
        il.Emit(OpCodes.Brtrue, notNull);
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Newobj, ArgumentNullConstructor);
        il.Emit(OpCodes.Throw);
        il.MarkLabel(notNull);
    }

    /// <summary>
    /// <c>object? Invoke(object?[] args)</c> for one signature: the caller has checked that every
    /// argument's runtime type is exactly the signature's, so arguments are unboxed or used as they are.
    /// </summary>
    /// <remarks>
    /// For a lambda that captures, <paramref name="closure"/> is its closure object: the invoker is closed over
    /// it (its first parameter) and reads the captured variables from it at each call.
    /// </remarks>
    public static Func<object?[], object?> BuildInvoker(MethodInfo method, IReadOnlyList<Type> argumentTypes, CompiledSpecialization compiled, object? closure = null)
    {
        var names = method.GetParameters().Select((p, i) => p.Name ?? $"argument{i}").ToArray();
        var captures = ClosureCaptures.Find(method);
        var first = captures.Count > 0 ? 1 : 0;
        Type[] parameters = captures.Count > 0 ? [typeof(object), typeof(object[])] : [typeof(object[])];
        var invoker = EmittedMethods.Define($"numbana_invoke_{method.Name}", typeof(object), parameters, il =>
        {
            Emit(il, argumentTypes, names, method.ReturnType, compiled.EntryPoint, compiled.IsBounded, i =>
            {
                il.Emit(OpCodes.Ldarg, (short)first);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                if (argumentTypes[i].IsValueType) il.Emit(OpCodes.Unbox_Any, argumentTypes[i]);
            }, abiTypes => CapturedArguments.Emit(il, method, captures, () => il.Emit(OpCodes.Ldarg_0), abiTypes));
            if (method.ReturnType == typeof(void)) il.Emit(OpCodes.Ldnull);
            else il.Emit(OpCodes.Box, method.ReturnType);
            il.Emit(OpCodes.Ret);
        }, captures.Count > 0 ? method.DeclaringType!.Assembly : null);
        return captures.Count > 0
            ? invoker.CreateDelegate<Func<object?[], object?>>(closure ?? throw new ArgumentNullException(nameof(closure)))
            : invoker.CreateDelegate<Func<object?[], object?>>();
    }

    /// <summary>A typed delegate calling the native entry directly (the fast path of <see cref="JitFunction.As{TDelegate}"/>).</summary>
    /// <remarks>For a lambda that captures, the delegate is closed over <paramref name="closure"/> (see <see cref="BuildInvoker"/>).</remarks>
    public static Delegate BuildTyped(Type delegateType, MethodInfo method, IReadOnlyList<Type> argumentTypes, CompiledSpecialization compiled, object? closure = null)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameterTypes = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var names = method.GetParameters().Select((p, i) => p.Name ?? $"argument{i}").ToArray();
        var captures = ClosureCaptures.Find(method);
        var first = captures.Count > 0 ? 1 : 0;
        var userAssembly = captures.Count > 0 ? method.DeclaringType!.Assembly : delegateType.IsVisible ? null : delegateType.Assembly;
        var thunk = EmittedMethods.Define($"numbana_typed_{method.Name}", invoke.ReturnType, captures.Count > 0 ? [typeof(object), .. parameterTypes] : parameterTypes, il =>
        {
            Emit(il, argumentTypes, names, method.ReturnType, compiled.EntryPoint, compiled.IsBounded, i => il.Emit(OpCodes.Ldarg, (short)(i + first)),
                abiTypes => CapturedArguments.Emit(il, method, captures, () => il.Emit(OpCodes.Ldarg_0), abiTypes));
            il.Emit(OpCodes.Ret);
        }, userAssembly);
        return captures.Count > 0
            ? thunk.CreateDelegate(delegateType, closure ?? throw new ArgumentNullException(nameof(closure)))
            : thunk.CreateDelegate(delegateType);
    }
}

/// <summary>
/// Static methods emitted into a dynamic assembly (kept for the process, like the compiled code) rather than DynamicMethods: the JIT
/// inlines the unmanaged transition of a <c>calli</c> in an ordinary (emitted) module, while a
/// DynamicMethod's unmanaged <c>calli</c> goes through a marshalling stub (about 25 ns more per call,
/// measured in CallOverheadBenchmarks); and a DynamicMethod's calli signature was seen, about once in
/// six test runs, to fail at its first call with "Illegal or unimplemented ELEM_TYPE in signature".
/// </summary>
/// <remarks>
/// Each emitted assembly ignores access checks to Numbana (for <see cref="ExceptionRaiser"/> and the
/// thunk's slot), as DynamicMethod's skipVisibility did, and to the user's assembly whose non-public
/// delegate types the thunk names, when there are any; so there is one emitted assembly per such user
/// assembly. Public delegate types (Func, Action) need none, and the shared assembly keeps As&lt;TDelegate&gt;
/// at about 20 ns a call (ignoring access checks to CoreLib measured twice that).
/// </remarks>
internal static class EmittedMethods
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, ModuleBuilder> Modules = new();
    private static int _count;

    /// <summary>The module of the method <see cref="Define"/> is emitting (under <see cref="Gate"/>), for <see cref="EmitEntryCall"/>.</summary>
    private static ModuleBuilder? _moduleBeingEmitted;

    private static ModuleBuilder ModuleFor(Assembly? userAssembly)
    {
        var numbana = typeof(EmittedMethods).Assembly.GetName().Name!;
        var user = userAssembly?.GetName().Name;
        var key = user ?? "";
        if (Modules.TryGetValue(key, out var module)) return module;
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"Numbana.Emitted{Modules.Count}"), AssemblyBuilderAccess.Run);
        var ignoresAccessChecks = typeof(System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!;
        foreach (var friend in new[] { numbana, user }.Where(name => name is not null).Distinct())
            assembly.SetCustomAttribute(new CustomAttributeBuilder(ignoresAccessChecks, [friend!]));
        return Modules[key] = assembly.DefineDynamicModule("Numbana.Emitted");
    }

    /// <summary>
    /// Emits, in a body <see cref="Define"/> is emitting, the <c>calli</c> of a native entry (arguments and address on the
    /// stack; its status left there), without the GC transition when the call is <paramref name="bounded"/> (<see cref="UnmanagedCalli"/>).
    /// </summary>
    public static void EmitEntryCall(ILGenerator il, Type[] abiTypes, bool bounded)
    {
        var module = _moduleBeingEmitted ?? throw new InvalidOperationException("EmitEntryCall is for the bodies EmittedMethods.Define emits: this is a bug in Numbana.");
        UnmanagedCalli.Emit(il, module, abiTypes, bounded);
    }

    /// <summary>Defines and creates one static method; <paramref name="userAssembly"/> is the assembly whose non-public types the body names.</summary>
    public static MethodInfo Define(string name, Type returnType, Type[] parameterTypes, Action<ILGenerator> body, Assembly? userAssembly = null)
    {
        lock (Gate)
        {
            var module = ModuleFor(userAssembly);
            var type = module.DefineType($"Numbana.Emitted.T{_count++}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
            var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, returnType, parameterTypes);
            var enclosing = _moduleBeingEmitted; // a body that defines a method of its own gets its module back after it
            _moduleBeingEmitted = module;
            try
            {
                body(method.GetILGenerator());
            }
            finally
            {
                _moduleBeingEmitted = enclosing;
            }
            return type.CreateType().GetMethod(name)!;
        }
    }
}
