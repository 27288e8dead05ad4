using System.Reflection;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.RegularExpressions;
using Numbana.Backends.Cpu.Compilation;
using NUnit.Framework;

namespace Numbana.Tests.FileTests;

/// <summary>
/// Golden-file tests (TESTING.md tier 2): each Cases/*.check file names a method, a stage and options,
/// and lists <c>CHECK:</c> lines that must appear in that stage's output in order (each a substring of
/// a later line than the previous match) and <c>CHECK-NOT:</c> lines that must appear nowhere.
/// NUMBANA_TEST_BLESS=1 rewrites the CHECK lines of every file from the current output.
/// </summary>
/// <remarks>
/// Header lines: <c>; method: Type.Method</c> (a type in this assembly), <c>; stage: typed-ir | llvm-ir |
/// optimized-llvm-ir</c>, optional <c>; options: FastMath BoundsCheckOff O0</c>, <c>; cpu: haswell</c> (compile for that CPU, not the host) and <c>; requires: avx2</c>.
/// Function names lose their unique numeric suffix (numbana.Kernels.Sum.17 reads numbana.Kernels.Sum).
/// </remarks>
public class FileTestRunner
{
    private static readonly Regex UniqueSuffix = new(@"(numbana\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+)\.\d+", RegexOptions.Compiled);

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "FileTests", "Cases"), "*.check")
            .Order()
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName("FileTest " + Path.GetFileNameWithoutExtension(path)));

    [TestCaseSource(nameof(Cases))]
    public void Check(string fileName)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "FileTests", "Cases", fileName);
        var lines = File.ReadAllLines(path);
        string Header(string key) => lines.Where(l => l.StartsWith($"; {key}:")).Select(l => l[(key.Length + 3)..].Trim()).FirstOrDefault() ?? "";

        if (Header("requires").Contains("avx2") && !Avx2.IsSupported)
            Assert.Ignore("this check needs a host with AVX2");

        var options = ParseOptions(Header("options"));
        // A named CPU makes the expected vector shapes independent of the host's tuning (Zen 1 prefers 128-bit vectors).
        if (Header("cpu") is { Length: > 0 } cpu) options = options with { TargetCpu = cpu };
        var output = Normalize(StageOutput(Header("method"), Header("stage"), options));
        if (Environment.GetEnvironmentVariable("NUMBANA_TEST_BLESS") == "1")
        {
            Bless(fileName, lines, output);
            return;
        }

        var outputLines = output.Split('\n');
        var position = 0;
        var failures = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.StartsWith("CHECK-NOT:"))
            {
                var unwanted = line["CHECK-NOT:".Length..].Trim();
                if (output.Contains(unwanted)) failures.AppendLine($"  found what must not be there: {unwanted}");
            }
            else if (line.StartsWith("CHECK:"))
            {
                var wanted = line["CHECK:".Length..].Trim();
                var found = Array.FindIndex(outputLines, position, l => l.Contains(wanted));
                if (found < 0) failures.AppendLine($"  missing (after output line {position}): {wanted}");
                else position = found + 1;
            }
        }
        if (failures.Length > 0)
            Assert.Fail($"{fileName} does not match the {Header("stage")} of {Header("method")}:\n{failures}\n--- actual output:\n{output}\n" +
                "(NUMBANA_TEST_BLESS=1 rewrites the expectations from this output)");
    }

    private static JitOptions ParseOptions(string text)
    {
        var options = JitOptions.Default;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            options = word switch
            {
                "FastMath" => options with { FastMath = true },
                "BoundsCheckOff" => options with { BoundsCheck = false },
                "O0" => options with { OptLevel = 0 },
                _ => throw new ArgumentException($"unknown option '{word}' in a file test"),
            };
        return options;
    }

    private static string StageOutput(string methodName, string stage, JitOptions options)
    {
        var dot = methodName.LastIndexOf('.');
        var type = typeof(FileTestRunner).Assembly.GetTypes().Single(t => t.FullName!.EndsWith(methodName[..dot]) && t.Name == methodName[..dot].Split('.')[^1]);
        var method = type.GetMethod(methodName[(dot + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new ArgumentException($"no method {methodName}");
        var compiled = SpecializationCache.GetOrCompile(method, options);
        return stage switch
        {
            "typed-ir" => compiled.TypedIr,
            "llvm-ir" => compiled.LlvmIr,
            "optimized-llvm-ir" => compiled.OptimizedLlvmIr,
            _ => throw new ArgumentException($"unknown stage '{stage}'"),
        };
    }

    private static string Normalize(string text) => UniqueSuffix.Replace(text.Replace("\r\n", "\n"), "$1");

    private static void Bless(string fileName, string[] lines, string output)
    {
        var source = FindSourceDirectory();
        var header = lines.Where(l => l.StartsWith(';'));
        var blessed = header.Concat(output.Split('\n').Where(l => l.Trim().Length > 0).Select(l => "CHECK: " + l.Trim()));
        File.WriteAllLines(Path.Combine(source, fileName), blessed);
        Assert.Pass($"blessed {fileName}");
    }

    private static string FindSourceDirectory()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Numbana.Tests", "FileTests", "Cases");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("cannot find Numbana.Tests/FileTests/Cases above the test directory");
    }
}
