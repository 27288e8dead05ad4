namespace System.Runtime.CompilerServices;

/// <summary>
/// Honoured by the runtime: the assembly that carries it may use the internal members of the named
/// assembly (for <see cref="Numbana.Backends.Cpu.Dispatch.EmittedMethods"/>'s dynamic assembly).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>The assembly whose internals may be used.</summary>
    public string AssemblyName { get; } = assemblyName;
}
