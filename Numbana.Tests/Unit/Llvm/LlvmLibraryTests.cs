using Numbana.Llvm;
using NUnit.Framework;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>The library resolver: what it tries, what it says when nothing loads, what it loaded.</summary>
[TestFixture]
public class LlvmLibraryTests
{
    [Test]
    public void LoadsASupportedVersion()
    {
        LlvmLibrary.EnsureLoaded();
        Assert.Multiple(() =>
        {
            Assert.That(LlvmLibrary.Version.Major, Is.GreaterThanOrEqualTo(LlvmLibrary.MinimumMajor));
            Assert.That(LlvmLibrary.LoadedPath, Is.Not.Empty);
            Assert.That(LlvmLibrary.HasExport("LLVMContextCreate"), Is.True);
            Assert.That(LlvmLibrary.HasExport("NoSuchLlvmFunction"), Is.False);
        });
    }

    [Test]
    public void PathVariableComesFirstThenTheTestedVersion()
    {
        List<string> candidates = LlvmLibrary.GetCandidates("/nonexistent/libLLVM.so").ToList();
        Assert.That(candidates[0], Is.EqualTo("/nonexistent/libLLVM.so"));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(candidates[1], Is.EqualTo("libLLVM.so.19.1"));
            Assert.That(candidates, Does.Contain("libLLVM-19.so"));
            Assert.That(candidates, Does.Contain("LLVM-19"));
            Assert.That(candidates, Does.Contain("libLLVM.so.22.1"));
            Assert.That(candidates.IndexOf("libLLVM.so.20.1"), Is.GreaterThan(candidates.IndexOf("libLLVM-19.so")));
        }
    }

    [Test]
    public void PathVariableNamingAFolderSearchesTheUsualFileNamesInIt()
    {
        string folder = Path.GetTempPath();
        IReadOnlyList<string> candidates = LlvmLibrary.GetCandidates(folder);
        if (OperatingSystem.IsLinux())
            Assert.That(candidates[0], Is.EqualTo(Path.Combine(folder, "libLLVM.so.19.1")));
        Assert.That(candidates.Count(c => c.StartsWith(folder, StringComparison.Ordinal)), Is.GreaterThan(1));
    }

    [Test]
    public void NoVariableGivesOnlyTheUsualNames()
    {
        Assert.That(LlvmLibrary.GetCandidates(null), Is.EqualTo(LlvmLibrary.GetCandidates("  ")));
    }

    [Test]
    public void ANonexistentFileIsReportedAsSuch()
    {
        bool loaded = LlvmLibrary.TryLoadCandidate("/nonexistent/libLLVM.so", out IntPtr library, out _, out string reason);
        Assert.Multiple(() =>
        {
            Assert.That(loaded, Is.False);
            Assert.That(library, Is.EqualTo(IntPtr.Zero));
            Assert.That(reason, Is.EqualTo("no such file"));
        });
    }

    [Test]
    public void AnOlderLlvmIsRejected()
    {
        const string llvm15 = "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1";
        Assume.That(File.Exists(llvm15), "This machine has no LLVM 15 to try.");
        bool loaded = LlvmLibrary.TryLoadCandidate(llvm15, out _, out _, out string reason);
        Assert.That(loaded, Is.False);
        Assert.That(reason, Does.Contain("older than"));
    }

    [Test]
    public void TheNotFoundMessageListsEveryCandidateAndHowToInstall()
    {
        const string variable = "/nonexistent/libLLVM.so";
        var attempts = LlvmLibrary.GetCandidates(variable)
            .Select(c => new LlvmLoadAttempt(c, c == variable ? "no such file" : "not found"))
            .ToList();

        string message = LlvmLibrary.BuildNotFoundMessage(variable, attempts);

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("NUMBANA_LLVM_PATH is set to '/nonexistent/libLLVM.so'"));
            Assert.That(message, Does.Contain("/nonexistent/libLLVM.so: no such file"));
            foreach (LlvmLoadAttempt attempt in attempts)
                Assert.That(message, Does.Contain(attempt.Candidate));
            Assert.That(message, Does.Contain("sudo apt-get install libllvm19 (Debian/Ubuntu), or set NUMBANA_LLVM_PATH to the libLLVM shared library"));
        });
        // And it is the message of the exception a user gets.
        Assert.That(new LlvmException(message).Message, Is.EqualTo(message));
    }

    [Test]
    public void TheNotFoundMessageSaysWhenTheVariableIsNotSet()
    {
        string message = LlvmLibrary.BuildNotFoundMessage(null, [new LlvmLoadAttempt("libLLVM.so.19.1", "not found")]);
        Assert.That(message, Does.Contain("NUMBANA_LLVM_PATH is not set"));
        Assert.That(message, Does.Contain("libLLVM.so.19.1: not found"));
    }
}
