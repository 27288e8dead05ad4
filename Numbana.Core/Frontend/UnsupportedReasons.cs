using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;

namespace Numbana.Frontend;

/// <summary>
/// The words a user reads when an instruction cannot be compiled: what the C# construct probably
/// was, and what to write instead.
/// </summary>
internal static class UnsupportedReasons
{
    public static string For(IlInstruction instruction, MethodBase method) => instruction.OpCode switch
    {
        ILOpCode.Newobj => "Creating an object (new SomeClass(...) or new SomeStruct(...)) is not supported in compiled code yet: " +
            "allocate objects in .NET code and pass arrays of numbers in.",
        ILOpCode.Newarr => "Allocating an array (new T[n]) in compiled code is not supported yet: allocate it in the caller and pass it in as a parameter.",
        ILOpCode.Ldstr => "Strings cannot be used in compiled code: Numbana compiles numeric code; keep text (messages, formatting, logging) in .NET code.",
        ILOpCode.Box or ILOpCode.Unbox or ILOpCode.Unbox_any => "Boxing (converting a number to object or to an interface) cannot be compiled: keep values as their own numeric type.",
        ILOpCode.Isinst or ILOpCode.Castclass => "Type tests and casts of objects (is, as, casts to a class) cannot be compiled: compiled code works on numbers and arrays of numbers.",
        ILOpCode.Callvirt => "Calls of virtual or interface methods on objects cannot be compiled: call static methods with numeric parameters.",
        ILOpCode.Calli or ILOpCode.Ldftn or ILOpCode.Ldvirtftn => "Delegates and function pointers cannot be used in compiled code: call the method directly.",
        ILOpCode.Throw or ILOpCode.Rethrow => "Compiled code can throw only a new exception with constant arguments (throw new ArgumentException(\"message\", nameof(x))): " +
            "return an error value, or check the inputs in .NET code before the call.",
        ILOpCode.Leave or ILOpCode.Leave_s or ILOpCode.Endfinally or ILOpCode.Endfilter =>
            "try/catch/finally cannot be compiled: move exception handling into the .NET code that calls the compiled method.",
        ILOpCode.Ldnull => "null cannot be used in compiled code yet: pass a non-null array.",
        ILOpCode.Ldloca or ILOpCode.Ldloca_s or ILOpCode.Ldarga or ILOpCode.Ldarga_s =>
            "Taking the address of a variable (ref or out arguments, or calling a method on a struct local) is not supported yet: return values instead.",
        ILOpCode.Ldfld or ILOpCode.Stfld or ILOpCode.Ldflda => "Fields of objects and structs cannot be used in compiled code yet: pass the values as parameters.",
        ILOpCode.Ldsfld or ILOpCode.Stsfld or ILOpCode.Ldsflda => "Static fields cannot be used in compiled code yet: pass the value as a parameter.",
        ILOpCode.Localloc => "stackalloc is not supported yet: allocate an array in the caller and pass it in.",
        ILOpCode.Cpobj or ILOpCode.Initobj or ILOpCode.Sizeof or ILOpCode.Mkrefany or ILOpCode.Refanyval
            or ILOpCode.Refanytype or ILOpCode.Arglist or ILOpCode.Cpblk or ILOpCode.Initblk =>
            "Structs, pointers and memory blocks are not supported in compiled code yet.",
        ILOpCode.Jmp or ILOpCode.Tail or ILOpCode.Constrained or ILOpCode.Readonly or ILOpCode.Volatile or ILOpCode.Unaligned =>
            $"The {instruction.Name} instruction is not supported in compiled code.",
        _ => $"The {instruction.Name} instruction is not supported in compiled code yet.",
    };
}
