using System.Reflection;
using System.Text;

namespace Numbana;

/// <summary>
/// Thrown when a method contains IL that Numbana cannot compile. The message leads with the reason
/// in plain words, then names the method, IL offset, opcode, the source line when a PDB is present,
/// and the chain of calls that led there.
/// </summary>
public class UnsupportedIlException : NumbanaException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public UnsupportedIlException(string reason, MethodBase? method, int ilOffset, string? opCode,
        SourceLocation? source = null, IReadOnlyList<MethodBase>? callers = null)
        : base(Format(reason, method, ilOffset, opCode, source, callers))
    {
        Reason = reason;
        Method = method;
        IlOffset = ilOffset;
        OpCode = opCode;
        Location = source;
        Callers = callers ?? [];
    }

    /// <summary>Why the IL cannot be compiled, and what to write instead.</summary>
    public string Reason { get; }

    /// <summary>The method that holds the IL.</summary>
    public MethodBase? Method { get; }

    /// <summary>The IL offset of the instruction, or -1 when the problem is the method as a whole.</summary>
    public int IlOffset { get; }

    /// <summary>The opcode's name (such as "newobj"), when one instruction is at fault.</summary>
    public string? OpCode { get; }

    /// <summary>The source file and line, when the method's assembly has a portable PDB.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The compiled methods that called <see cref="Method"/>, innermost first.</summary>
    public IReadOnlyList<MethodBase> Callers { get; }

    /// <summary>Returns a copy of this exception with one more caller at the end of the chain.</summary>
    internal UnsupportedIlException WithCaller(MethodBase caller)
        => new(Reason, Method, IlOffset, OpCode, Location, [.. Callers, caller]);

    private static string Format(string reason, MethodBase? method, int ilOffset, string? opCode,
        SourceLocation? source, IReadOnlyList<MethodBase>? callers)
    {
        var text = new StringBuilder(reason);
        if (method is not null)
        {
            text.Append("\n  in method ").Append(MethodNames.Describe(method));
            if (ilOffset >= 0) text.Append($" at IL_{ilOffset:x4}");
            if (opCode is not null) text.Append(" (").Append(opCode).Append(')');
        }
        if (source is not null) text.Append("\n  at ").Append(source);
        if (callers is { Count: > 0 } && method is not null)
        {
            var chain = method;
            foreach (var caller in callers)
            {
                text.Append("\n  while compiling ").Append(MethodNames.Describe(chain))
                    .Append(", called from ").Append(MethodNames.Describe(caller));
                chain = caller;
            }
        }
        return text.ToString();
    }
}

/// <summary>A place in the user's source: file and line (from the portable PDB).</summary>
/// <param name="File">The source file path as recorded in the PDB.</param>
/// <param name="Line">The 1-based line number.</param>
public sealed record SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Names of methods as a user reads them in messages.</summary>
internal static class MethodNames
{
    public static string Describe(MethodBase method)
    {
        var parameters = string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)));
        return $"{TypeName(method.DeclaringType)}.{method.Name}({parameters})";
    }

    public static string TypeName(Type? type)
    {
        if (type is null) return "<global>";
        if (type.IsArray) return TypeName(type.GetElementType()) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsByRef) return "ref " + TypeName(type.GetElementType());
        if (type.IsPointer) return TypeName(type.GetElementType()) + "*";
        if (type.IsGenericType)
        {
            var name = type.Name;
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name[..tick];
            return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
        }
        return type.Name switch
        {
            "Boolean" => "bool", "SByte" => "sbyte", "Byte" => "byte", "Int16" => "short", "UInt16" => "ushort",
            "Int32" => "int", "UInt32" => "uint", "Int64" => "long", "UInt64" => "ulong", "Single" => "float",
            "Double" => "double", "Char" => "char", "IntPtr" => "nint", "UIntPtr" => "nuint", "Void" => "void",
            "Object" => "object", "String" => "string", "Decimal" => "decimal",
            _ => type.DeclaringType is { } outer && !type.IsGenericParameter ? TypeName(outer) + "." + type.Name : type.Name,
        };
    }
}
