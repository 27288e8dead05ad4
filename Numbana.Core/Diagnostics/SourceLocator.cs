using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Numbana.Diagnostics;

/// <summary>
/// Finds the source file and line of an IL offset from the portable PDB of the method's module,
/// for the messages of <see cref="UnsupportedIlException"/>.
/// </summary>
/// <remarks>
/// The PDB is looked for in this order: a portable PDB embedded in the assembly, the path named by
/// the CodeView debug directory entry, then <c>name.pdb</c> next to the assembly. A PDB on disk is
/// used only when its id matches the assembly's CodeView entry (when there is one), so a stale PDB
/// never gives wrong lines. One reader is kept per module file for the life of the process; a module
/// without a PDB is remembered as such. Nothing here throws: any failure gives <c>null</c>.
/// </remarks>
internal static class SourceLocator
{
    /// <summary>Line number the compilers give hidden sequence points.</summary>
    private const int HiddenLine = 0xfeefee;

    private const int MethodDefTable = 0x06;

    // Keyed by the module's file path rather than by Assembly, so that the cache does not keep
    // collectible assemblies alive. The value is null when the module has no usable portable PDB.
    private static readonly ConcurrentDictionary<string, Lazy<MetadataReaderProvider?>> Providers =
        new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the file and line of the sequence point that covers <paramref name="ilOffset"/> in
    /// <paramref name="method"/>: the last visible sequence point whose offset is at most
    /// <paramref name="ilOffset"/> (the first one when <paramref name="ilOffset"/> is negative or
    /// lies before every sequence point). Returns null when there is no PDB or no such point.
    /// </summary>
    public static SourceLocation? Find(MethodBase method, int ilOffset)
    {
        try
        {
            return FindCore(method, ilOffset);
        }
        catch (Exception)
        {
            // Diagnostics must never hide the error they decorate: a broken or odd PDB gives no line.
            return null;
        }
    }

    private static SourceLocation? FindCore(MethodBase method, int ilOffset)
    {
        if (method is null or DynamicMethod) return null;
        var module = method.Module;
        if (module.Assembly.IsDynamic) return null;

        var path = module.FullyQualifiedName;
        if (string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path)) return null;

        var token = method.MetadataToken;
        if (token >> 24 != MethodDefTable || (token & 0x00ffffff) == 0) return null;

        var provider = Providers.GetOrAdd(path,
            static p => new Lazy<MetadataReaderProvider?>(() => OpenPdb(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        if (provider is null) return null;

        var reader = provider.GetMetadataReader();
        var handle = MetadataTokens.MethodDefinitionHandle(token);
        if (MetadataTokens.GetRowNumber(handle) > reader.MethodDebugInformation.Count) return null;

        var info = reader.GetMethodDebugInformation(handle);
        if (info.SequencePointsBlob.IsNil) return null;

        SequencePoint? first = null, covering = null;
        foreach (var point in info.GetSequencePoints())
        {
            if (point.IsHidden || point.StartLine == HiddenLine || point.Document.IsNil) continue;
            first ??= point;
            if (ilOffset < 0) break;
            if (point.Offset > ilOffset) break;
            covering = point;
        }

        var chosen = covering ?? first;
        if (chosen is not { } sp) return null;

        var document = reader.GetDocument(sp.Document);
        if (document.Name.IsNil) return null;
        var file = reader.GetString(document.Name);
        return string.IsNullOrEmpty(file) ? null : new SourceLocation(file, sp.StartLine);
    }

    /// <summary>Opens the portable PDB of the module at <paramref name="modulePath"/>, or returns null.</summary>
    private static MetadataReaderProvider? OpenPdb(string modulePath)
    {
        try
        {
            if (!File.Exists(modulePath)) return null;
            using var stream = new FileStream(modulePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return null;

            var entries = pe.ReadDebugDirectory();

            // 1. A portable PDB embedded in the assembly (DebugType=embedded).
            foreach (var entry in entries)
            {
                if (entry.Type != DebugDirectoryEntryType.EmbeddedPortablePdb) continue;
                var embedded = TryOpen(() => pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry), expectedId: null);
                if (embedded is not null) return embedded;
            }

            // 2. The path written into the CodeView entry, then 3. name.pdb next to the assembly.
            BlobContentId? expectedId = null;
            string? codeViewPath = null;
            foreach (var entry in entries)
            {
                if (entry.Type != DebugDirectoryEntryType.CodeView || !entry.IsPortableCodeView) continue;
                var codeView = pe.ReadCodeViewDebugDirectoryData(entry);
                expectedId = new BlobContentId(codeView.Guid, entry.Stamp);
                codeViewPath = codeView.Path;
                break;
            }

            var candidates = new List<string>(3);
            if (!string.IsNullOrEmpty(codeViewPath))
            {
                if (Path.IsPathFullyQualified(codeViewPath)) candidates.Add(codeViewPath);
                var directory = Path.GetDirectoryName(modulePath);
                // The CodeView path may be a build machine's path or a Windows path: try its file name here too.
                var name = Path.GetFileName(codeViewPath.Replace('\\', '/'));
                if (directory is not null && !string.IsNullOrEmpty(name)) candidates.Add(Path.Combine(directory, name));
            }
            candidates.Add(Path.ChangeExtension(modulePath, ".pdb"));

            foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
            {
                if (!File.Exists(candidate)) continue;
                var fromFile = TryOpen(() => MetadataReaderProvider.FromPortablePdbImage(
                    ImmutableArray.Create(File.ReadAllBytes(candidate))), expectedId);
                if (fromFile is not null) return fromFile;
            }
            return null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a provider and checks that it reads a portable PDB (and, when <paramref name="expectedId"/>
    /// is given, the PDB that belongs to the assembly); returns null and disposes it otherwise.
    /// </summary>
    private static MetadataReaderProvider? TryOpen(Func<MetadataReaderProvider> open, BlobContentId? expectedId)
    {
        MetadataReaderProvider? provider = null;
        try
        {
            provider = open();
            var reader = provider.GetMetadataReader();
            if (reader.DebugMetadataHeader is not { } header) throw new BadImageFormatException("Not a portable PDB.");
            if (expectedId is { } id && new BlobContentId(header.Id) != id)
                throw new BadImageFormatException("The PDB does not match the assembly.");
            return provider;
        }
        catch (Exception)
        {
            provider?.Dispose();
            return null;
        }
    }
}
