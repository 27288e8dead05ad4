using System.Reflection;

namespace Numbana.Runtime;

/// <summary>
/// The exceptions that compiled code throws with <c>throw new X(constant arguments)</c>: each distinct
/// (constructor, arguments) gets a status from <see cref="ExceptionStatus.FirstThrown"/> on, and the
/// managed caller raises it by calling that constructor with those arguments, so the type and the
/// message (ArgumentException's "(Parameter 'x')" suffix included) are exactly what .NET gives.
/// </summary>
/// <remarks>
/// The table is process-wide rather than per compilation: a status propagates unchanged from a callee
/// through its callers to the thunk, and every backend's raiser reads the same table. Entries are
/// interned, so recompiling the same method adds nothing; the table only grows with distinct throw
/// statements. Statuses are stable hashes, so an object file from the on-disk cache raises the right
/// exception once the importer (which runs before the cache lookup) has registered its throws. It does not hold exceptions with computed messages (those are rejected by the importer).
/// </remarks>
internal static class ThrownExceptions
{
    /// <summary>The exception types compiled code may throw (the ones numeric code throws to report bad input).</summary>
    public static readonly IReadOnlySet<Type> Supported = new HashSet<Type>
    {
        typeof(ArgumentException), typeof(ArgumentOutOfRangeException), typeof(ArgumentNullException),
        typeof(InvalidOperationException), typeof(IndexOutOfRangeException), typeof(DivideByZeroException),
        typeof(OverflowException), typeof(NotSupportedException), typeof(ArithmeticException),
        typeof(NotImplementedException),
    };

    private static readonly Dictionary<string, int> StatusByKey = new();
    private static readonly Dictionary<int, (ConstructorInfo Constructor, string?[] Arguments)> Entries = new();
    private static readonly object Gate = new();

    /// <summary>
    /// The status that raises <c>new X(arguments)</c>. It is a hash of the type and arguments, so the same
    /// throw gets the same status in every process (compiled objects may come from the on-disk cache);
    /// a collision (two throws with one hash) moves the later one to the next free status.
    /// </summary>
    public static ExceptionStatus Register(ConstructorInfo constructor, string?[] arguments)
    {
        var key = constructor.DeclaringType!.FullName + "(" + string.Join("\u0001", arguments.Select(a => a ?? "\u0002null")) + ")";
        lock (Gate)
        {
            if (StatusByKey.TryGetValue(key, out var known)) return (ExceptionStatus)known;
            var range = int.MaxValue - (int)ExceptionStatus.FirstThrown;
            var status = (int)ExceptionStatus.FirstThrown + (int)(StableHash(key) % (uint)range);
            while (Entries.ContainsKey(status)) status = status == int.MaxValue ? (int)ExceptionStatus.FirstThrown : status + 1;
            Entries[status] = (constructor, arguments);
            StatusByKey[key] = status;
            return (ExceptionStatus)status;
        }
    }

    /// <summary>The exception a status from <see cref="Register"/> stands for, or null when it names none.</summary>
    public static Exception? Create(ExceptionStatus status)
    {
        (ConstructorInfo Constructor, string?[] Arguments) entry;
        lock (Gate)
        {
            if (!Entries.TryGetValue((int)status, out entry)) return null;
        }
        return (Exception)entry.Constructor.Invoke(entry.Arguments);
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same in every process (string.GetHashCode is randomized).</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    /// <summary>A short description for the IR printer: <c>ArgumentException("message")</c>.</summary>
    public static string Describe(ExceptionStatus status)
    {
        lock (Gate)
        {
            if (!Entries.TryGetValue((int)status, out var entry)) return status.ToString();
            return $"{entry.Constructor.DeclaringType!.Name}({string.Join(", ", entry.Arguments.Select(a => a is null ? "null" : "\"" + a + "\""))})";
        }
    }
}
