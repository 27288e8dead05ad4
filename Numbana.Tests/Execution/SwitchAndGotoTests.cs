using NUnit.Framework;

namespace Numbana.Tests.Execution;

/// <summary>Kernels with C#'s switch statement (the CIL switch opcode) and goto.</summary>
public static class SwitchAndGotoKernels
{
    public static int DenseSwitch(int x)
    {
        switch (x)
        {
            case 0: return 100;
            case 1: return 101;
            case 2: return 102;
            case 3:
            case 4: return 134;
            case 6: return 106;
            default: return -1;
        }
    }

    public static double SwitchInALoop(int[] codes, double x)
    {
        var acc = x;
        for (var i = 0; i < codes.Length; i++)
        {
            switch (codes[i])
            {
                case 0: acc += 1; break;
                case 1: acc *= 2; break;
                case 2: acc -= 0.5; break;
                case 3: continue;
                default: acc = -acc; break;
            }
            acc += 0.25;
        }
        return acc;
    }

    public static int GotoLoop(int n)
    {
        var i = 0;
        var s = 0;
    again:
        if (i >= n) goto done;
        s += i * i;
        i++;
        goto again;
    done:
        return s;
    }
}

public abstract class SwitchAndGotoTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] Selectors = [int.MinValue, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 100, int.MaxValue];

    [Test] public void DenseSwitchIncludingOutOfRangeSelectors() => Diff.Check(SwitchAndGotoKernels.DenseSwitch, Selectors);

    [Test]
    public void SwitchInALoopWithContinue() => Diff.Check(SwitchAndGotoKernels.SwitchInALoop,
        new (int[], double)[] { ([], 1.0), ([0, 1, 2, 3, 4], 1.5), ([3, 3, 3], -2.0), ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 3.0), ([-7, 9, 0, 2], 0.0) });

    [Test] public void GotoLoop() => Diff.Check(SwitchAndGotoKernels.GotoLoop, new[] { -5, 0, 1, 2, 10, 1000 });
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuSwitchAndGotoTests(ExecutionTarget target) : SwitchAndGotoTests(target);
