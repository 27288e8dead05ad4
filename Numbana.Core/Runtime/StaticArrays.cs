using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Numbana.Runtime;

/// <summary>
/// How compiled code finds a <c>static readonly</c> array: through a cell, <c>{ ptr data, i32 length }</c>,
/// that the host fills in (the array pinned for the life of the process) and defines in the JIT under
/// <see cref="SymbolOf"/>, a name derived from the field's identity only. The code and its object file
/// (the on-disk cache) hold no address: the JIT's linker resolves the name when the object is loaded, in
/// whichever process loads it. The elements are read from the array at each use, never baked into the code.
/// </summary>
internal static class StaticArrays
{
    /// <summary>The size of a cell in bytes: the data pointer, then the length (an i32) at offset 8.</summary>
    public const int CellSize = 16;

    /// <summary>The byte offset of the length in a cell.</summary>
    public const int LengthOffset = 8;

    /// <summary>The JIT symbol of the cell of <paramref name="field"/>: the same in every process, distinct per field.</summary>
    public static string SymbolOf(FieldInfo field)
    {
        var identity = $"{field.DeclaringType?.Assembly.GetName().Name}|{field.DeclaringType?.FullName}|{field.Name}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return $"numbana.static.{Sanitize(field.Name)}.{Convert.ToHexString(hash, 0, 12).ToLowerInvariant()}";
    }

    private static string Sanitize(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
