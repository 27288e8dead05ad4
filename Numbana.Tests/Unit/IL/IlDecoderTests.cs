using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using NUnit.Framework;

namespace Numbana.Tests.Unit.IL;

public class IlDecoderTests
{
    private static int Choose(int x)
    {
        switch (x)
        {
            case 0: return 10;
            case 1: return 20;
            case 2: return 30;
            default: return -1;
        }
    }

    private static long Constants() => 1234567890123L + (long)2.5 + (long)1.5f + 100;

    private static MethodInfo Method(string name) =>
        typeof(IlDecoderTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    [Test]
    public void DecodesEveryInstructionOfABodyContiguously()
    {
        var method = Method(nameof(Choose));
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var instructions = IlDecoder.Decode(method, il);
        Assert.That(instructions[0].Offset, Is.EqualTo(0));
        for (var i = 1; i < instructions.Count; i++)
            Assert.That(instructions[i].Offset, Is.EqualTo(instructions[i - 1].NextOffset));
        Assert.That(instructions[^1].NextOffset, Is.EqualTo(il.Length));
    }

    [Test]
    public void DecodesSwitchTargetsAsAbsoluteOffsets()
    {
        var method = Method(nameof(Choose));
        var instructions = IlDecoder.Decode(method, method.GetMethodBody()!.GetILAsByteArray()!);
        var @switch = instructions.Single(i => i.OpCode == ILOpCode.Switch);
        var offsets = instructions.Select(i => i.Offset).ToHashSet();
        Assert.That(@switch.SwitchTargets, Has.Length.EqualTo(3));
        Assert.That(@switch.SwitchTargets, Is.All.Matches<int>(offsets.Contains));
    }

    [Test]
    public void DecodesInt64Constants()
    {
        // The C# compiler folds the expression into one ldc.i8.
        var method = Method(nameof(Constants));
        var instructions = IlDecoder.Decode(method, method.GetMethodBody()!.GetILAsByteArray()!);
        var constant = instructions.Single(i => i.OpCode == ILOpCode.Ldc_i8);
        Assert.That(constant.Operand, Is.EqualTo(1234567890123L + 2 + 1 + 100));
    }

    [Test]
    public void DecodesHandWrittenBytesOfEveryOperandKind()
    {
        byte[] il =
        [
            0x16,                               // ldc.i4.0
            0x1F, 0xFE,                         // ldc.i4.s -2
            0x20, 0x78, 0x56, 0x34, 0x12,       // ldc.i4 0x12345678
            0x22, 0x00, 0x00, 0xC0, 0x3F,       // ldc.r4 1.5
            0x23, 0, 0, 0, 0, 0, 0, 0x04, 0x40, // ldc.r8 2.5
            0x2B, 0x00,                         // br.s +0
            0xFE, 0x01,                         // ceq
            0x2A,                               // ret
        ];
        var instructions = IlDecoder.Decode(Method(nameof(Constants)), il);
        Assert.That(instructions.Select(i => i.OpCode), Is.EqualTo(new[]
        {
            ILOpCode.Ldc_i4_0, ILOpCode.Ldc_i4_s, ILOpCode.Ldc_i4, ILOpCode.Ldc_r4, ILOpCode.Ldc_r8, ILOpCode.Br_s, ILOpCode.Ceq, ILOpCode.Ret,
        }));
        Assert.That(instructions[1].Operand, Is.EqualTo(-2));
        Assert.That(instructions[2].Operand, Is.EqualTo(0x12345678));
        Assert.That(instructions[3].Operand, Is.EqualTo(1.5f));
        Assert.That(instructions[4].Operand, Is.EqualTo(2.5));
        Assert.That(instructions[5].BranchTarget, Is.EqualTo(instructions[6].Offset));
    }

    [Test]
    public void RejectsATruncatedBody()
    {
        byte[] il = [0x20, 0x01, 0x02]; // ldc.i4 missing two bytes
        var error = Assert.Throws<UnsupportedIlException>(() => IlDecoder.Decode(Method(nameof(Constants)), il))!;
        Assert.That(error.Message, Does.Contain("malformed"));
        Assert.That(error.IlOffset, Is.EqualTo(0));
    }

    [Test]
    public void RejectsAnUnknownOpcode()
    {
        byte[] il = [0xA6]; // unused in ECMA-335
        var error = Assert.Throws<UnsupportedIlException>(() => IlDecoder.Decode(Method(nameof(Constants)), il))!;
        Assert.That(error.Message, Does.Contain("not a CIL opcode"));
    }

    [Test]
    public void SplitsBlocksAtBranchTargetsAndAfterBranches()
    {
        var method = Method(nameof(Choose));
        var instructions = IlDecoder.Decode(method, method.GetMethodBody()!.GetILAsByteArray()!);
        var blocks = IlBlocks.Find(method, instructions);
        var @switch = instructions.Single(i => i.OpCode == ILOpCode.Switch);
        foreach (var target in @switch.SwitchTargets) Assert.That(blocks.ContainsKey(target), $"IL_{target:x4} starts a block");
        var switchBlock = blocks.Values.Single(b => b.Last == @switch);
        Assert.That(switchBlock.SuccessorOffsets, Has.Count.EqualTo(4), "three cases and the fall-through default");
        Assert.That(switchBlock.SuccessorOffsets[^1], Is.EqualTo(@switch.NextOffset));
        foreach (var block in blocks.Values.Where(b => b.Last.OpCode == ILOpCode.Ret))
            Assert.That(block.SuccessorOffsets, Is.Empty);
    }
}
