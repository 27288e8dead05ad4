using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Numbana.IL;

/// <summary>Decodes a method body's CIL bytes into <see cref="IlInstruction"/>s.</summary>
/// <remarks>It does not interpret prefixes (they decode as instructions of their own) or check stack balance.</remarks>
internal static class IlDecoder
{
    public static IReadOnlyList<IlInstruction> Decode(MethodBase method, byte[] il)
    {
        var instructions = new List<IlInstruction>();
        var position = 0;
        while (position < il.Length)
        {
            var offset = position;
            var code = (ILOpCode)il[position++];
            if ((byte)code == 0xFE)
            {
                if (position >= il.Length) throw Truncated(method, offset);
                code = (ILOpCode)(0xFE00 | il[position++]);
            }
            if (!OpCodeTable.TryGet(code, out var opCode))
                throw new UnsupportedIlException($"The byte 0x{(ushort)code:x} is not a CIL opcode: the method body is malformed.", method, offset, null);

            var operandSize = OperandSize(opCode.OperandType, il, position);
            if (position + operandSize > il.Length) throw Truncated(method, offset);
            var span = il.AsSpan(position, operandSize);
            var next = position + operandSize;
            object? operand = opCode.OperandType switch
            {
                OperandType.InlineNone => null,
                OperandType.ShortInlineBrTarget => next + (sbyte)span[0],
                OperandType.InlineBrTarget => next + BinaryPrimitives.ReadInt32LittleEndian(span),
                OperandType.ShortInlineI when code == ILOpCode.Ldc_i4_s => (int)(sbyte)span[0],
                OperandType.ShortInlineI or OperandType.ShortInlineVar => (int)span[0],
                OperandType.InlineVar => (int)BinaryPrimitives.ReadUInt16LittleEndian(span),
                OperandType.InlineI8 => BinaryPrimitives.ReadInt64LittleEndian(span),
                OperandType.ShortInlineR => BinaryPrimitives.ReadSingleLittleEndian(span),
                OperandType.InlineR => BinaryPrimitives.ReadDoubleLittleEndian(span),
                OperandType.InlineSwitch => SwitchTargets(span, next),
                _ => BinaryPrimitives.ReadInt32LittleEndian(span), // InlineI and every token
            };
            instructions.Add(new IlInstruction(offset, code, operand, next));
            position = next;
        }
        return instructions;
    }

    private static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => position + 4 <= il.Length
            ? 4 + 4 * (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(il.AsSpan(position)), (uint)il.Length)
            : 4,
        _ => 4,
    };

    private static int[] SwitchTargets(ReadOnlySpan<byte> span, int next)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(span);
        var targets = new int[count];
        for (var i = 0; i < count; i++)
            targets[i] = next + BinaryPrimitives.ReadInt32LittleEndian(span[(4 + 4 * i)..]);
        return targets;
    }

    private static UnsupportedIlException Truncated(MethodBase method, int offset) =>
        new("The method body ends in the middle of an instruction: the IL is malformed.", method, offset, null);
}
