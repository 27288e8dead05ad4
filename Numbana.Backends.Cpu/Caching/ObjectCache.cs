using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Numbana.Backends.Cpu.Compilation;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.IR;
using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Backends.Cpu.Caching;

/// <summary>
/// The on-disk cache of <see cref="JitOptions.Cache"/>: the object code of a specialization, in a
/// folder (<c>NUMBANA_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/numbana</c>, else <c>~/.cache/numbana</c>),
/// one file per key. A hit adds the object file to the JIT: no optimization, no code generation.
/// </summary>
/// <remarks>
/// <para>The key (<c>KeyFor</c>) is a SHA-256 over everything the code depends on: the IL, locals
/// and identity of every method compiled into the unit (the entry and each callee, also from other
/// assemblies: a changed callee gives another key, so stale code is never loaded), the argument types,
/// the options, the LLVM version, the target triple, CPU and features, and the build of Numbana itself.</para>
/// <para>File layout: the magic <c>NUMBANA-OBJ1</c>, the payload length (int32), the SHA-256 of the
/// payload, then the payload: the key, the entry symbol, the optimized LLVM IR (for inspection) and the
/// object file. A file whose length, checksum or key does not match is ignored (and rewritten by the
/// compile that follows), never loaded. Writes go to a temporary file renamed over the final name, so a
/// reader sees a whole file or none.</para>
/// <para>Symbols: the entry of a cached module gets a unique name (a GUID) when compiled, so objects
/// from other processes never clash with this process's functions (callees are internal).</para>
/// <para>The values of the static readonly numbers the unit's methods read are in the key (they are constants
/// in the code). Nothing process-specific is in the code: a lambda's captured variables are parameters, read
/// at each call; a static readonly array is found through a symbol the JIT resolves when it loads the object.</para>
/// <para>What it does not do: evict old files.</para>
/// </remarks>
internal static class ObjectCache
{
    private static readonly byte[] Magic = "NUMBANA-OBJ1"u8.ToArray();
    private static readonly ConcurrentDictionary<string, byte> NamesInJit = new();
    private static long _hits;
    private static long _rejectedFiles;

    /// <summary>How many specializations were loaded from disk (tests).</summary>
    public static long Hits => Interlocked.Read(ref _hits);

    /// <summary>How many files were ignored because they were corrupt, truncated or for another key (tests).</summary>
    public static long RejectedFiles => Interlocked.Read(ref _rejectedFiles);

    /// <summary>The cache folder: NUMBANA_CACHE_DIR, else $XDG_CACHE_HOME/numbana, else ~/.cache/numbana.</summary>
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("NUMBANA_CACHE_DIR");
            if (!string.IsNullOrEmpty(configured)) return configured;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "numbana");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, ".cache", "numbana");
        }
    }

    /// <summary>The file that holds <paramref name="key"/>.</summary>
    public static string PathFor(string key) => Path.Combine(Directory, key + ".nbo");

    /// <summary>The key of a unit: a hex SHA-256 (see the class remarks for what it covers).</summary>
    public static string KeyFor(CompilationUnit unit, IReadOnlyList<Type>? argumentTypes, JitOptions options, HostJit jit)
    {
        var (cpu, features) = TargetSelection.CpuAndFeatures(jit, options);
        // Struct constructors are ConstructorInfos: every compiled method counts, not only MethodInfos.
        var methods = unit.Functions.Select(f => f.Method).OfType<MethodBase>().Distinct().ToList();
        var entry = (MethodInfo)unit.EntryPoint.Method!;
        var signature = argumentTypes ?? entry.GetParameters().Select(p => p.ParameterType).ToArray();
        return KeyFor(entry, methods, signature, options, LlvmLibrary.Version.ToString(), options.TargetTriple ?? jit.TargetTriple, cpu, features,
            StructLayoutsOf(unit));
    }

    /// <summary>
    /// The layouts of the structs the unit's code uses (offsets are constants in the code): a struct whose
    /// fields change keeps IL bytes and type names that can be identical, so its layout must be in the key.
    /// </summary>
    internal static IEnumerable<string> StructLayoutsOf(CompilationUnit unit)
    {
        var found = new HashSet<StructType>();
        void Visit(NType type)
        {
            switch (type)
            {
                case ArrayType array: Visit(array.Element); break;
                case ByRefType reference: Visit(reference.Element); break;
                case StructType structType when found.Add(structType):
                    foreach (var field in structType.Fields) Visit(field.Type);
                    break;
            }
        }
        foreach (var function in unit.Functions.Prepend(unit.EntryPoint))
        {
            foreach (var type in function.ParameterTypes.Append(function.ReturnType)) Visit(type);
            foreach (var block in function.Blocks)
            {
                foreach (var parameter in block.Parameters) Visit(parameter.Type);
                foreach (var instruction in block.Instructions) Visit(instruction.Type);
            }
        }
        return found.Select(s => $"{s.ClrType.AssemblyQualifiedName}|{s.Size}|" + string.Join(";", s.Fields.Select(f => $"{f.Name}:{f.Type}@{f.Offset}")))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The key from its parts (separate so that tests can vary one part at a time).</summary>
    public static string KeyFor(MethodInfo entry, IEnumerable<MethodBase> methods, IEnumerable<Type> signature, JitOptions options,
        string llvmVersion, string triple, string cpu, string features, IEnumerable<string>? structLayouts = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        Add("numbana-object-cache-1");
        // Numbana's own build: a new compiler must not load an old compiler's code.
        Add(typeof(ObjectCache).Module.ModuleVersionId.ToString());
        Add(typeof(Numbana.Frontend.UnitBuilder).Module.ModuleVersionId.ToString());
        Add(Describe(entry));
        foreach (var type in signature) Add(type.AssemblyQualifiedName ?? type.ToString());
        Add(options.ToString());
        Add(llvmVersion);
        Add(triple);
        Add(cpu);
        Add(features);
        foreach (var method in methods.OrderBy(Describe, StringComparer.Ordinal))
        {
            Add(Describe(method));
            Add(Convert.ToHexString(IlHash(method)));
            // Static readonly numbers are constants in the code: a value computed at run time (Scale = Compute())
            // may differ in the next process, and then the code must not be loaded.
            foreach (var (field, value) in StaticReadonlyValues(method))
            {
                Add(field);
                Add(value);
            }
        }
        foreach (var layout in structLayouts ?? []) Add(layout);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The SHA-256 of a method's IL bytes and local variable types.</summary>
    public static byte[] IlHash(MethodBase method)
    {
        var body = method.GetMethodBody();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(body?.GetILAsByteArray() ?? []);
        foreach (var local in body?.LocalVariables ?? [])
            hash.AppendData(Encoding.UTF8.GetBytes((local.LocalType.AssemblyQualifiedName ?? local.LocalType.ToString()) + ";"));
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Every static readonly field <paramref name="method"/> reads (ldsfld), with its value as the importer
    /// bakes it into the code: a number's bits. A static readonly array is named only: compiled code reads its
    /// elements and length at run time through its cell (Runtime.StaticArrays), so they are not in the code.
    /// </summary>
    public static IEnumerable<(string Field, string Value)> StaticReadonlyValues(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var seen = new HashSet<FieldInfo>();
        foreach (var instruction in Numbana.IL.IlDecoder.Decode(method, il))
        {
            if (instruction.OpCode != System.Reflection.Metadata.ILOpCode.Ldsfld) continue;
            if (Numbana.Frontend.ClosureCaptures.ResolveField(method, instruction.IntOperand) is not { IsStatic: true, IsInitOnly: true } field
                || !seen.Add(field))
                continue;
            var name = $"{field.DeclaringType?.AssemblyQualifiedName}|{field.Name}|{field.FieldType}";
            if (field.FieldType.IsArray)
            {
                yield return (name, "array read at run time");
                continue;
            }
            object? value;
            try
            {
                value = field.GetValue(null);
            }
            catch (TargetInvocationException)
            {
                continue; // the importer has already reported the static constructor's exception
            }
            yield return (name, value switch
            {
                double d => BitConverter.DoubleToInt64Bits(d).ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
                float f => BitConverter.SingleToInt32Bits(f).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value?.ToString() ?? "null",
            });
        }
    }

    private static string Describe(MethodBase method) =>
        $"{method.DeclaringType?.Assembly.GetName().Name}|{method.DeclaringType?.FullName}|{method}|{string.Join(",", method.IsGenericMethod ? method.GetGenericArguments().Select(t => t.AssemblyQualifiedName) : [])}";

    /// <summary>Renames the entry of a module that will be cached to a name no other module has.</summary>
    public static string GiveUniqueName(LlvmModule module, string entryName)
    {
        var function = LLVMGetNamedFunction(module.Ref, entryName);
        var unique = $"numbana.cached.{Guid.NewGuid():N}";
        LLVMSetValueName2(function, unique);
        return unique;
    }

    /// <summary>
    /// The specialization stored under <paramref name="key"/>, added to the JIT; null when there is no
    /// valid file (a corrupt one is counted in <see cref="RejectedFiles"/> and left for the compile to overwrite).
    /// </summary>
    public static (IntPtr Address, string OptimizedLlvmIr)? TryLoad(string key, HostJit jit)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(PathFor(key));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        if (!TryParse(file, out var fileKey, out var entryName, out var optimizedIr, out var objectFile) || fileKey != key)
        {
            Interlocked.Increment(ref _rejectedFiles);
            Trace.TraceWarning($"Numbana: ignoring the damaged cache file {PathFor(key)}; it will be rewritten.");
            return null;
        }
        try
        {
            // The same file loaded twice in one process: its symbols are already in the JIT.
            if (NamesInJit.TryAdd(entryName, 0))
                jit.AddObjectFile(objectFile.Span, entryName);
            var address = (IntPtr)(long)jit.Lookup(entryName);
            Interlocked.Increment(ref _hits);
            return (address, optimizedIr);
        }
        catch (LlvmException error)
        {
            Trace.TraceWarning($"Numbana: the cache file {PathFor(key)} could not be linked ({error.Message}); compiling instead.");
            return null;
        }
    }

    /// <summary>
    /// Generates the object file of an optimized module, adds it to the JIT (in place of the module: code
    /// is generated once) and writes it to the cache. Takes nothing: the caller still disposes the module.
    /// </summary>
    public static void EmitAddAndStore(string key, LlvmModule module, string entryName, string optimizedIr, HostJit jit, JitOptions options)
    {
        byte[] objectFile;
        // Position-independent code with the small code model links wherever the JIT puts it.
        using (var targetMachine = TargetSelection.CreateTargetMachine(jit, options, LLVMRelocMode.LLVMRelocPIC, LLVMCodeModel.LLVMCodeModelSmall))
            objectFile = targetMachine.EmitToBytes(module);
        NamesInJit.TryAdd(entryName, 0);
        jit.AddObjectFile(objectFile, entryName);
        try
        {
            Write(key, entryName, optimizedIr, objectFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Trace.TraceWarning($"Numbana: could not write the cache file {PathFor(key)}: {error.Message}");
        }
    }

    /// <summary>Writes a cache file atomically (a temporary file, then a rename over the final name).</summary>
    public static void Write(string key, string entryName, string optimizedIr, ReadOnlySpan<byte> objectFile)
    {
        var payload = new MemoryStream();
        void WriteBlock(ReadOnlySpan<byte> bytes)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            payload.Write(length);
            payload.Write(bytes);
        }
        WriteBlock(Encoding.UTF8.GetBytes(key));
        WriteBlock(Encoding.UTF8.GetBytes(entryName));
        WriteBlock(Encoding.UTF8.GetBytes(optimizedIr));
        WriteBlock(objectFile);
        var payloadBytes = payload.ToArray();

        var file = new byte[Magic.Length + 4 + 32 + payloadBytes.Length];
        Magic.CopyTo(file, 0);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(Magic.Length), payloadBytes.Length);
        SHA256.HashData(payloadBytes, file.AsSpan(Magic.Length + 4, 32));
        payloadBytes.CopyTo(file, Magic.Length + 4 + 32);

        System.IO.Directory.CreateDirectory(Directory);
        var final = PathFor(key);
        var temporary = $"{final}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, file);
            File.Move(temporary, final, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Checks the magic, length and checksum, then splits the payload.</summary>
    public static bool TryParse(byte[] file, out string key, out string entryName, out string optimizedIr, out ReadOnlyMemory<byte> objectFile)
    {
        key = entryName = optimizedIr = "";
        objectFile = default;
        var header = Magic.Length + 4 + 32;
        if (file.Length < header || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(Magic.Length));
        if (length < 0 || file.Length - header != length) return false;
        var payload = file.AsMemory(header, length);
        Span<byte> checksum = stackalloc byte[32];
        SHA256.HashData(payload.Span, checksum);
        if (!checksum.SequenceEqual(file.AsSpan(Magic.Length + 4, 32))) return false;

        var position = 0;
        bool TryBlock(out ReadOnlyMemory<byte> block)
        {
            block = default;
            if (payload.Length - position < 4) return false;
            var size = BinaryPrimitives.ReadInt32LittleEndian(payload.Span[position..]);
            position += 4;
            if (size < 0 || payload.Length - position < size) return false;
            block = payload.Slice(position, size);
            position += size;
            return true;
        }
        if (!TryBlock(out var keyBytes) || !TryBlock(out var nameBytes) || !TryBlock(out var irBytes) || !TryBlock(out objectFile)) return false;
        key = Encoding.UTF8.GetString(keyBytes.Span);
        entryName = Encoding.UTF8.GetString(nameBytes.Span);
        optimizedIr = Encoding.UTF8.GetString(irBytes.Span);
        return position == payload.Length;
    }
}
