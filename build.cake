// Numbana's build targets. Run them through ./build.sh, which installs what is missing first:
//   ./build.sh                         Build (the default)
//   ./build.sh --target=Demo           run samples/Numbana.Demo
//   ./build.sh --target=Test           all tests; the last line printed is "N passed, N failed, N skipped"
//   ./build.sh --target=Test --filter="FullyQualifiedName~Diagnostics"
//   ./build.sh --target=Bench --filter='*Sum*' --job=short   (arguments go on to BenchmarkDotNet)
//   ./build.sh --target=Pack [--package-version=0.1.0]
//   ./build.sh --target=Clean
// Common options: --configuration=Debug (default Release), --verbosity=quiet|minimal|normal|verbose.

using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var filter = Argument("filter", "");
var packageVersion = Argument("package-version", "");

var root = MakeAbsolute(Directory("."));
var solution = root.CombineWithFilePath("Numbana.sln");
var testProject = root.CombineWithFilePath("Numbana.Tests/Numbana.Tests.csproj");
var demoProject = root.CombineWithFilePath("samples/Numbana.Demo/Numbana.Demo.csproj");
var benchProject = root.CombineWithFilePath("Numbana.Benchmarks/Numbana.Benchmarks.csproj");
var packableProjects = new[] { "Numbana.Core", "Numbana.Backends.Cpu", "Numbana.Backends.Cuda" }
    .Select(name => root.CombineWithFilePath($"{name}/{name}.csproj"))
    .ToArray();
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var packageOutput = artifacts.Combine("packages");
var trxFile = testResults.CombineWithFilePath("Numbana.Tests.trx");

// Arguments that belong to this script or to Cake itself; every other one goes on to the program
// that Bench or Demo runs (--name=value becomes "--name value", a bare --flag stays "--flag").
var ownArguments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
{
    "target", "t", "configuration", "package-version", "verbosity", "v", "debug", "d", "dryrun", "noop",
    "whatif", "exclusive", "e", "description", "showdescription", "tree", "showtree", "tasks",
    "info", "version", "bootstrap", "skip-bootstrap", "help", "h", "paths",
};

TestSummary testSummary = null;

// ---------------------------------------------------------------------------------------------
Task("Clean")
    .Description("Deletes artifacts/ and the bin/ and obj/ folders of every project.")
    .Does(() =>
{
    foreach (var project in GetFiles(root.FullPath + "/**/*.csproj"))
    {
        var dir = project.GetDirectory();
        foreach (var output in new[] { dir.Combine("bin"), dir.Combine("obj") })
            if (DirectoryExists(output)) DeleteDirectory(output, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
    foreach (var dir in new[] { artifacts, root.Combine("BenchmarkDotNet.Artifacts") })
        if (DirectoryExists(dir)) DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Build")
    .Description("Builds the solution (Release).")
    .Does(() =>
{
    RunDotnet(new ProcessArgumentBuilder()
        .Append("build").AppendQuoted(solution.FullPath)
        .Append("--configuration").Append(configuration)
        .Append("--nologo"), "dotnet build");
});

Task("Test")
    .Description("Runs Numbana.Tests and ends with the line \"N passed, N failed, N skipped\". --filter=... selects tests.")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(testResults);
    if (FileExists(trxFile)) DeleteFile(trxFile);

    var args = new ProcessArgumentBuilder()
        .Append("test").AppendQuoted(testProject.FullPath)
        .Append("--configuration").Append(configuration)
        .Append("--no-build")
        .Append("--nologo")
        .Append("--results-directory").AppendQuoted(testResults.FullPath)
        .Append("--logger").AppendQuoted("trx;LogFileName=" + trxFile.GetFilename().FullPath)
        .Append("--logger").AppendQuoted("console;verbosity=minimal");
    if (!string.IsNullOrWhiteSpace(filter)) args.Append("--filter").AppendQuoted(filter);

    var exitCode = StartDotnetCapped(args, MaxTestOutputLines);
    testSummary = TestSummary.Read(trxFile.FullPath);
    if (testSummary == null)
        throw new CakeException($"dotnet test exited with code {exitCode} and wrote no test results ({trxFile}).");
    testSummary.ExitCode = exitCode;
    if (testSummary.Failed > 0)
        throw new CakeException($"{testSummary.Failed} test(s) failed.");
    if (testSummary.Passed == 0)
        throw new CakeException("No test ran" + (string.IsNullOrWhiteSpace(filter) ? "." : $" (filter: {filter})."));
    if (exitCode != 0)
        throw new CakeException($"dotnet test exited with code {exitCode}.");
});

Task("Demo")
    .Description("Runs samples/Numbana.Demo (Release): compiles kernels and shows the speed-ups.")
    .Does(() =>
{
    RunDotnet(RunArguments(demoProject), "the demo");
});

Task("Bench")
    .Description("Runs Numbana.Benchmarks (Release). Other arguments go on to BenchmarkDotNet, e.g. --filter='*Sum*'.")
    .Does(() =>
{
    var args = RunArguments(benchProject);
    // BenchmarkDotNet asks which benchmarks to run when given no filter; with no console, run them all.
    if (string.IsNullOrWhiteSpace(filter)) args.Append("--filter").AppendQuoted("*");
    if (!HasArgument("artifacts")) args.Append("--artifacts").AppendQuoted(artifacts.Combine("benchmarks").FullPath);
    RunDotnet(args, "the benchmarks");
});

Task("Pack")
    .Description("Packs Numbana.Core, Numbana.Backends.Cpu and Numbana.Backends.Cuda into artifacts/packages. --package-version=X sets the version.")
    .Does(() =>
{
    EnsureDirectoryExists(packageOutput);
    foreach (var project in packableProjects)
    {
        var args = new ProcessArgumentBuilder()
            .Append("pack").AppendQuoted(project.FullPath)
            .Append("--configuration").Append(configuration)
            .Append("--nologo")
            .Append("--output").AppendQuoted(packageOutput.FullPath);
        if (!string.IsNullOrWhiteSpace(packageVersion)) args.Append("-p:Version=" + packageVersion);
        RunDotnet(args, "dotnet pack " + project.GetFilenameWithoutExtension());
    }
    Information("Packages are in {0}", packageOutput);
});

Task("Default").IsDependentOn("Build");

// ---------------------------------------------------------------------------------------------
// Run the target. The Test summary comes after Cake's task report so that it is the last line.
try
{
    RunTarget(target);
}
catch (Exception)
{
    if (testSummary == null) throw;   // not a test failure: Cake reports the error and exits non-zero
    PrintTestSummary(testSummary);
    Console.Out.Flush();
    Console.Error.Flush();
    Environment.Exit(1);
}
if (testSummary != null) PrintTestSummary(testSummary);

// ---------------------------------------------------------------------------------------------
ProcessArgumentBuilder RunArguments(FilePath project)
{
    var args = new ProcessArgumentBuilder()
        .Append("run")
        .Append("--project").AppendQuoted(project.FullPath)
        .Append("--configuration").Append(configuration)
        .Append("--");
    foreach (var argument in Context.Arguments.GetArguments())
    {
        if (ownArguments.Contains(argument.Key)) continue;
        var values = argument.Value.Where(v => !string.IsNullOrEmpty(v)).ToList();
        args.Append("--" + argument.Key);
        foreach (var value in values) args.AppendQuoted(value);
    }
    return args;
}

int StartDotnet(ProcessArgumentBuilder args)
{
    Information("> dotnet {0}", args.Render());
    return StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = root });
}

// At most this many lines of dotnet test's own output are shown (each failure prints its message and
// stack): when very many tests fail, the log stays readable. The TRX keeps every result, and every
// failed test is still named at the end.
const int MaxTestOutputLines = 3000;

int StartDotnetCapped(ProcessArgumentBuilder args, int maxLines)
{
    Information("> dotnet {0}", args.Render());
    var start = new System.Diagnostics.ProcessStartInfo("dotnet", args.Render())
    {
        WorkingDirectory = root.FullPath,
        UseShellExecute = false,
        RedirectStandardOutput = true,   // stderr is not redirected: it goes straight to the console
    };
    using var process = System.Diagnostics.Process.Start(start);
    var shown = 0;
    var left = 0;
    string line;
    while ((line = process.StandardOutput.ReadLine()) != null)
    {
        var summary = line.StartsWith("Passed!") || line.StartsWith("Failed!") || line.StartsWith("Results File:")
            || line.Contains("Test Run Aborted") || line.Contains("test run was aborted");
        if (shown < maxLines || summary)
        {
            Console.WriteLine(line);
            shown++;
            continue;
        }
        if (left++ == 0)
            Console.WriteLine($"... dotnet test printed more than {maxLines} lines; the rest is left out here (the TRX has every result).");
    }
    process.WaitForExit();
    if (left > 0) Console.WriteLine($"... {left} lines of test output were left out; see {trxFile}.");
    return process.ExitCode;
}

void RunDotnet(ProcessArgumentBuilder args, string what)
{
    var exitCode = StartDotnet(args);
    if (exitCode != 0) throw new CakeException($"{what} failed (exit code {exitCode}).");
}

void PrintTestSummary(TestSummary summary)
{
    // Plain Console output: Cake's log would colour these lines, and the last one must stay plain.
    foreach (var message in summary.RunErrors) Console.WriteLine("Test run error: " + message);
    if (summary.FailedTests.Count > 0)
    {
        Console.WriteLine($"Failed tests ({summary.FailedTests.Count}):");
        foreach (var name in summary.FailedTests) Console.WriteLine("  " + name);
    }
    if (summary.Passed == 0 && summary.Failed == 0)
        Console.WriteLine("No test ran" + (string.IsNullOrWhiteSpace(filter) ? "." : $" (filter: {filter})."));
    if (summary.ExitCode != 0 && summary.Failed == 0)
        Console.WriteLine($"dotnet test exited with code {summary.ExitCode}.");
    Console.WriteLine($"{summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped");
}

/// <summary>The counts and failures of one TRX file.</summary>
public sealed class TestSummary
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private static readonly string[] FailedOutcomes = { "Failed", "Error", "Timeout", "Aborted" };

    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; set; }
    public int ExitCode { get; set; }
    public List<string> FailedTests { get; } = new List<string>();
    public List<string> RunErrors { get; } = new List<string>();

    /// <summary>Reads the TRX at <paramref name="path"/>, or returns null when there is none.</summary>
    public static TestSummary Read(string path)
    {
        if (!System.IO.File.Exists(path)) return null;
        var doc = XDocument.Load(path);
        var counters = doc.Descendants(Ns + "Counters").FirstOrDefault();
        if (counters == null) return null;
        int Count(string name) => int.TryParse((string)counters.Attribute(name), out var n) ? n : 0;

        var summary = new TestSummary
        {
            Passed = Count("passed"),
            Failed = Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
        };
        // The TRX logger counts skipped tests in "total" but may leave "notExecuted" at 0: count their results too.
        var notExecuted = doc.Descendants(Ns + "UnitTestResult").Count(r => (string)r.Attribute("outcome") == "NotExecuted");
        summary.Skipped = Math.Max(Count("notExecuted"), notExecuted);

        // The class of each test, to print full names.
        var classes = new Dictionary<string, string>();
        foreach (var test in doc.Descendants(Ns + "UnitTest"))
        {
            var id = (string)test.Attribute("id");
            var className = (string)test.Element(Ns + "TestMethod")?.Attribute("className");
            if (id != null && className != null) classes[id] = className;
        }
        foreach (var result in doc.Descendants(Ns + "UnitTestResult"))
        {
            if (!FailedOutcomes.Contains((string)result.Attribute("outcome"))) continue;
            var name = (string)result.Attribute("testName") ?? "(unnamed test)";
            var id = (string)result.Attribute("testId");
            if (id != null && classes.TryGetValue(id, out var className) && !name.StartsWith(className + ".", StringComparison.Ordinal))
                name = className + "." + name;
            var message = FirstLine((string)result.Descendants(Ns + "Message").FirstOrDefault());
            summary.FailedTests.Add(message == null ? name : $"{name}: {message}");
        }
        // A crashed or aborted test host leaves its reason in RunInfos.
        foreach (var info in doc.Descendants(Ns + "RunInfo"))
        {
            if ((string)info.Attribute("outcome") != "Error") continue;
            var text = FirstLine((string)info.Element(Ns + "Text"));
            if (text != null) summary.RunErrors.Add(text);
        }
        return summary;
    }

    /// <summary>The first lines of a message on one line (NUnit puts expected and actual values on lines 2 and 3).</summary>
    private static string FirstLine(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(3);
        var line = string.Join(" ", lines);
        return line.Length <= 240 ? line : line.Substring(0, 240) + "...";
    }
}
