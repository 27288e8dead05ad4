using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Numbana.Llvm.Interop;

namespace Numbana.Llvm;

/// <summary>The version of the loaded libLLVM, as <c>LLVMGetVersion</c> reports it.</summary>
internal readonly record struct LlvmVersion(int Major, int Minor, int Patch)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}

/// <summary>One library that <see cref="LlvmLibrary"/> tried to load, and why it did not do.</summary>
internal readonly record struct LlvmLoadAttempt(string Candidate, string Reason);

/// <summary>
/// Finds and loads libLLVM for the <c>LibraryImport("LLVM")</c> bindings of <see cref="LlvmNative"/>.
/// </summary>
/// <remarks>
/// <para>Order: <c>NUMBANA_LLVM_PATH</c> when set (a file, or a folder to search), then the usual names of
/// LLVM 19 (the tested version), 20, 21 and 22 for the platform. A library older than
/// <see cref="MinimumMajor"/> (Debian also ships 14 and 15) is skipped.</para>
/// <para>The resolver is installed by <see cref="LlvmNative"/>'s static constructor and answers only for the
/// name <see cref="LlvmNative.LibraryName"/>, so other native libraries of this assembly load as usual.
/// When nothing loads, it throws <see cref="LlvmException"/>; the runtime may hand that to the caller
/// wrapped in a <see cref="DllNotFoundException"/> or <see cref="TypeInitializationException"/>, so entry
/// points of the compiler call <see cref="EnsureLoaded"/> first, which throws the clean exception.</para>
/// <para>The library is loaded once per process and never freed.</para>
/// </remarks>
internal static class LlvmLibrary
{
    /// <summary>The environment variable that names the libLLVM file (or a folder holding it).</summary>
    public const string PathVariable = "NUMBANA_LLVM_PATH";

    /// <summary>The oldest LLVM major version whose C API the bindings match.</summary>
    public const int MinimumMajor = 19;

    /// <summary>The LLVM major version the project is tested with.</summary>
    public const int TestedMajor = 19;

    /// <summary>The major versions probed, in order of preference.</summary>
    internal static readonly int[] ProbedMajors = [19, 20, 21, 22];

    private static readonly object Gate = new();
    private static bool resolverInstalled;
    private static IntPtr handle;
    private static string? loadedPath;
    private static LlvmVersion version;
    private static LlvmException? failure;

    /// <summary>The path (or name) that loaded; loads the library if needed.</summary>
    /// <exception cref="LlvmException">No libLLVM could be loaded.</exception>
    public static string LoadedPath
    {
        get
        {
            Load();
            return loadedPath!;
        }
    }

    /// <summary>The loaded library's version; loads the library if needed.</summary>
    /// <exception cref="LlvmException">No libLLVM could be loaded.</exception>
    public static LlvmVersion Version
    {
        get
        {
            Load();
            return version;
        }
    }

    /// <summary>The OS handle of the loaded library (for <see cref="NativeLibrary.TryGetExport"/>).</summary>
    /// <exception cref="LlvmException">No libLLVM could be loaded.</exception>
    public static IntPtr Handle => Load();

    /// <summary>
    /// Loads libLLVM now (if not yet loaded) and installs the resolver, throwing a clean
    /// <see cref="LlvmException"/> that lists what was tried when nothing loads.
    /// </summary>
    public static void EnsureLoaded()
    {
        Load();
        RuntimeHelpers.RunClassConstructor(typeof(LlvmNative).TypeHandle);
    }

    /// <summary>Whether libLLVM exports <paramref name="entryPoint"/> (for version-specific paths).</summary>
    public static bool HasExport(string entryPoint) => NativeLibrary.TryGetExport(Load(), entryPoint, out _);

    /// <summary>Installs the <see cref="NativeLibrary.SetDllImportResolver"/> for this assembly, once.</summary>
    internal static void InstallResolver()
    {
        lock (Gate)
        {
            if (resolverInstalled)
                return;
            NativeLibrary.SetDllImportResolver(typeof(LlvmLibrary).Assembly, Resolve);
            resolverInstalled = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LlvmNative.LibraryName)
            return IntPtr.Zero; // not ours: let the runtime probe as usual
        return Load();
    }

    private static IntPtr Load()
    {
        IntPtr loaded = Volatile.Read(ref handle);
        if (loaded != IntPtr.Zero)
            return loaded;
        lock (Gate)
        {
            if (handle != IntPtr.Zero)
                return handle;
            if (failure is not null)
                throw new LlvmException(failure.Message); // a fresh exception each time, same text

            string? pathVariable = Environment.GetEnvironmentVariable(PathVariable);
            var attempts = new List<LlvmLoadAttempt>();
            foreach (string candidate in GetCandidates(pathVariable))
            {
                if (TryLoadCandidate(candidate, out IntPtr h, out LlvmVersion v, out string reason))
                {
                    loadedPath = candidate;
                    version = v;
                    Volatile.Write(ref handle, h);
                    return h;
                }
                attempts.Add(new LlvmLoadAttempt(candidate, reason));
            }
            failure = new LlvmException(BuildNotFoundMessage(pathVariable, attempts));
            throw new LlvmException(failure.Message);
        }
    }

    /// <summary>
    /// The libraries to try, in order: <paramref name="pathVariable"/> (a file, or every known library file
    /// name inside that folder) when set, then the platform's usual names for LLVM 19, 20, 21, 22.
    /// </summary>
    internal static IReadOnlyList<string> GetCandidates(string? pathVariable)
    {
        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(pathVariable))
        {
            string path = pathVariable.Trim();
            if (Directory.Exists(path))
            {
                foreach (string name in FileNamesInAFolder())
                    list.Add(Path.Combine(path, name));
            }
            else
            {
                list.Add(path);
            }
        }
        foreach (string name in DefaultCandidates())
        {
            if (!list.Contains(name))
                list.Add(name);
        }
        return list;
    }

    private static IEnumerable<string> FileNamesInAFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            yield return "LLVM-C.dll";
            yield break;
        }
        foreach (int major in ProbedMajors)
        {
            if (OperatingSystem.IsMacOS())
            {
                yield return $"libLLVM.{major}.dylib";
            }
            else
            {
                yield return $"libLLVM.so.{major}.1";
                yield return $"libLLVM-{major}.so";
                yield return $"libLLVM.so.{major}";
            }
        }
        yield return OperatingSystem.IsMacOS() ? "libLLVM.dylib" : "libLLVM.so";
    }

    private static IEnumerable<string> DefaultCandidates()
    {
        if (OperatingSystem.IsWindows())
        {
            yield return "LLVM-C.dll";
            yield return @"C:\Program Files\LLVM\bin\LLVM-C.dll";
            yield break;
        }
        foreach (int major in ProbedMajors)
        {
            if (OperatingSystem.IsMacOS())
            {
                yield return $"/opt/homebrew/opt/llvm@{major}/lib/libLLVM.dylib";
                yield return $"/usr/local/opt/llvm@{major}/lib/libLLVM.dylib";
                yield return $"libLLVM.{major}.dylib";
            }
            else
            {
                // Names the dynamic loader finds (Debian/Ubuntu libllvmNN put them in the multiarch folder),
                // then the .NET-style name, then the llvm.org apt layout.
                yield return $"libLLVM.so.{major}.1";
                yield return $"libLLVM-{major}.so";
                yield return $"libLLVM.so.{major}";
                yield return $"LLVM-{major}";
                yield return $"/usr/lib/llvm-{major}/lib/libLLVM.so.{major}.1";
                yield return $"/usr/lib/llvm-{major}/lib/libLLVM-{major}.so";
                yield return $"/usr/lib/llvm-{major}/lib/libLLVM.so";
            }
        }
        if (OperatingSystem.IsMacOS())
        {
            yield return "/opt/homebrew/opt/llvm/lib/libLLVM.dylib";
            yield return "/usr/local/opt/llvm/lib/libLLVM.dylib";
        }
    }

    /// <summary>
    /// Tries one candidate: loads it, reads its version through the raw export (before any binding
    /// runs) and rejects versions older than <see cref="MinimumMajor"/>.
    /// </summary>
    internal static unsafe bool TryLoadCandidate(string candidate, out IntPtr library, out LlvmVersion loadedVersion, out string reason)
    {
        library = IntPtr.Zero;
        loadedVersion = default;
        bool isPath = candidate.Contains('/') || candidate.Contains('\\');
        if (isPath && !File.Exists(candidate))
        {
            reason = "no such file";
            return false;
        }
        IntPtr h;
        try
        {
            h = isPath
                ? NativeLibrary.Load(candidate)
                : NativeLibrary.Load(candidate, typeof(LlvmLibrary).Assembly, null);
        }
        catch (DllNotFoundException e)
        {
            reason = isPath ? FirstLine(e.Message) : "not found";
            return false;
        }
        catch (BadImageFormatException e)
        {
            reason = "not a loadable library for this process: " + FirstLine(e.Message);
            return false;
        }

        if (!NativeLibrary.TryGetExport(h, "LLVMGetVersion", out IntPtr getVersion))
        {
            reason = "loaded, but it has no LLVMGetVersion: an LLVM older than 16, or not libLLVM";
            NativeLibrary.Free(h);
            return false;
        }
        uint major, minor, patch;
        ((delegate* unmanaged[Cdecl]<uint*, uint*, uint*, void>)getVersion)(&major, &minor, &patch);
        var v = new LlvmVersion((int)major, (int)minor, (int)patch);
        if (v.Major < MinimumMajor)
        {
            reason = $"loaded LLVM {v}, older than {MinimumMajor}";
            NativeLibrary.Free(h);
            return false;
        }
        library = h;
        loadedVersion = v;
        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// The text of the exception thrown when no libLLVM loads: every candidate and why it failed, and
    /// how to install LLVM or point <c>NUMBANA_LLVM_PATH</c> at it.
    /// </summary>
    internal static string BuildNotFoundMessage(string? pathVariable, IReadOnlyList<LlvmLoadAttempt> attempts)
    {
        var text = new StringBuilder();
        text.Append("Numbana could not load libLLVM (LLVM ")
            .Append(MinimumMajor).Append(" to ").Append(ProbedMajors[^1])
            .Append("; ").Append(TestedMajor).AppendLine(" is the tested version).");
        if (!string.IsNullOrWhiteSpace(pathVariable))
            text.Append(PathVariable).Append(" is set to '").Append(pathVariable).AppendLine("'.");
        else
            text.Append(PathVariable).AppendLine(" is not set.");
        text.AppendLine("Tried, in order:");
        foreach (LlvmLoadAttempt attempt in attempts)
            text.Append("  ").Append(attempt.Candidate).Append(": ").AppendLine(attempt.Reason);
        text.Append("To fix: sudo apt-get install libllvm").Append(TestedMajor)
            .Append(" (Debian/Ubuntu), or set ").Append(PathVariable)
            .Append(" to the libLLVM shared library (a file, or the folder that holds it)");
        if (OperatingSystem.IsMacOS())
            text.Append("; on macOS: brew install llvm@").Append(TestedMajor);
        else if (OperatingSystem.IsWindows())
            text.Append("; on Windows: install LLVM ").Append(TestedMajor).Append(" from llvm.org, which provides LLVM-C.dll");
        text.Append('.');
        return text.ToString();
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
