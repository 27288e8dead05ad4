using Numbana.Backends.Cpu;
using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.PeelingKernels;

namespace Numbana.Tests.Unit.Transforms;

/// <summary>Which loops StoreAlignmentPeeling splits, read from the typed IR after the IR passes, and the per-CPU vector tuning that goes with it.</summary>
public class StoreAlignmentPeelingTests
{
    private static string TypedIr(string kernel, JitOptions options, params Type[] signature) =>
        Jit.Compile(typeof(K).GetMethod(kernel)!, options).InspectTypes(new JitSignature(signature));

    [Test]
    public void TheMatMulInnerLoopGetsAScalarPeelBeforeTheLoopLlvmVectorizes()
    {
        var ir = TypedIr(nameof(K.MatMulIkj), JitOptions.Default, typeof(double[]), typeof(double[]), typeof(double[]), typeof(int));
        Assert.That(ir, Does.Match(@"align\.peel f64 to (16|32)"), "16 or 32 bytes, by the host CPU (TargetSelection.VectorStoreAlignment)");
        Assert.That(ir, Does.Contain("math min"), "the peel never runs past the loop's own bound");
        Assert.That(ir.Split("(scalar loop)").Length - 1, Is.EqualTo(1), "only the innermost loop is split, once");
    }

    [Test]
    public void ALoopThatCarriesAValueIsSplitWithTheValueHandedOver()
    {
        var ir = TypedIr(nameof(K.PrefixSums), JitOptions.Default, typeof(double[]), typeof(double[]));
        Assert.That(ir, Does.Contain("align.peel f64"));
    }

    [TestCase("znver1", 16, Description = "256-bit operations as two 128-bit halves")]
    [TestCase("znver3", 32)]
    [TestCase("skylake-avx512", 32)]
    [TestCase("x86-64-v2", 16, Description = "no AVX")]
    public void TheAlignmentFollowsTheCpusStoreWidth(string cpu, int bytes) =>
        Assert.That(Numbana.Backends.Cpu.Compilation.TargetSelection.VectorStoreAlignment(Numbana.Backends.Cpu.OrcJit.HostJit.Shared, JitOptions.Default with { TargetCpu = cpu }),
            Is.EqualTo(bytes));

    [TestCase("znver1", 128, Description = "256-bit operations as two 128-bit halves: 128-bit vectors, as GCC's tuning")]
    [TestCase("bdver2", 128)]
    [TestCase("znver3", null)]
    [TestCase("skylake-avx512", null)]
    [TestCase("x86-64-v2", null)]
    public void ThePreferredVectorWidthFollowsTheCpu(string cpu, int? bits) =>
        Assert.That(Numbana.Backends.Cpu.Compilation.TargetSelection.PreferredVectorWidth(Numbana.Backends.Cpu.OrcJit.HostJit.Shared, JitOptions.Default with { TargetCpu = cpu }),
            Is.EqualTo(bits));

    [TestCase("znver1", true)]
    [TestCase("znver3", false)]
    public void EveryCompiledFunctionCarriesThePreferredVectorWidth(string cpu, bool expected)
    {
        var llvm = Jit.Compile(typeof(K).GetMethod(nameof(K.DaxpyRange))!, JitOptions.Default with { TargetCpu = cpu })
            .InspectLlvm(new JitSignature(typeof(double[]), typeof(double[]), typeof(int), typeof(int)));
        Assert.That(llvm.Contains("\"prefer-vector-width\"=\"128\""), Is.EqualTo(expected));
        if (expected) Assert.That(llvm, Does.Contain("<2 x double>"), "the loop is vectorized with 128-bit vectors");
    }

    [Test]
    public void NoPeelBelowO2()
    {
        var ir = TypedIr(nameof(K.MatMulIkj), JitOptions.Default with { OptLevel = 1 }, typeof(double[]), typeof(double[]), typeof(double[]), typeof(int));
        Assert.That(ir, Does.Not.Contain("align.peel"));
    }

    [Test]
    public void TheOptimizedLlvmIrKeepsThePeelScalar()
    {
        var function = Jit.Compile(typeof(K).GetMethod(nameof(K.DaxpyRange))!, JitOptions.Default);
        var llvm = function.InspectLlvm(new JitSignature(typeof(double[]), typeof(double[]), typeof(int), typeof(int)));
        Assert.That(llvm, Does.Contain("llvm.loop.vectorize.enable\", i1 false"));
    }
}
