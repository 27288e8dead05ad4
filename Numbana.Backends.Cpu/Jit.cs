namespace Numbana;

/// <summary>The entry point: compiles .NET methods to native code with LLVM.</summary>
public static class Jit
{
    /// <summary>
    /// Returns a delegate of the same type as <paramref name="method"/> whose calls run native code
    /// compiled from the method's CIL. Compilation happens at the first call and is cached.
    /// </summary>
    /// <example>
    /// <code>
    /// static double Sum(double[] a) { double s = 0; for (int i = 0; i &lt; a.Length; i++) s += a[i]; return s; }
    /// Func&lt;double[], double&gt; sum = Jit.Compile&lt;Func&lt;double[], double&gt;&gt;(Sum);
    /// double total = sum(values);
    /// </code>
    /// </example>
    public static TDelegate Compile<TDelegate>(TDelegate method, JitOptions? options = null) where TDelegate : Delegate
        => Backends.Cpu.Runtime.DelegateCompiler.Compile(method, options ?? JitOptions.Default);
}
