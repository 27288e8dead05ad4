using Numbana.IR;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>
/// Structs: values are LLVM aggregates of their fields (<see cref="DataModel.StructValueType"/>);
/// memory holds the CLR layout, which loads and stores read and write field by field at the offsets
/// the runtime measured, so padding and LLVM's own layout rules never matter.
/// </summary>
/// <remarks>
/// Whole-struct copies are per-field loads and stores, which SROA and the vectorizer see through (a loop
/// over an array of <c>{ double X, Y }</c> becomes interleaved vector loads). Padding bytes are not copied:
/// no safe C# can read them.
/// </remarks>
internal sealed partial class FunctionLowering
{
    /// <summary>Reads a value of <paramref name="type"/> from memory and widens it to its stack form.</summary>
    private LLVMValueRef LoadValue(LLVMValueRef address, NType type) => type is StructType structType
        ? LoadStruct(address, structType, BaseAlignment(structType))
        : WidenFromMemory(LLVMBuildLoad2(_builder, _types.MemoryType(type), address, ""), type);

    /// <summary>Narrows a stack value to <paramref name="type"/> and writes it to memory.</summary>
    private void StoreValue(LLVMValueRef value, NType type, LLVMValueRef address)
    {
        if (type is StructType structType) StoreStruct(value, address, structType, BaseAlignment(structType));
        else LLVMBuildStore(_builder, NarrowToMemory(value, type), address);
    }

    /// <summary>A slot in the function's frame for a value of <paramref name="type"/> (aligned for its fields when a struct).</summary>
    private LLVMValueRef SlotFor(NType type)
    {
        var slot = Alloca(_types.MemoryType(type));
        if (type is StructType structType) LLVMSetAlignment(slot, (uint)Math.Max(structType.Alignment, BaseAlignment(structType)));
        return slot;
    }

    /// <summary>
    /// The alignment every struct of this type is known to have: an array's element 0 is 8-byte aligned
    /// and element i lies i * Size bytes further, so the lowest set bit of the size (at most 8) holds for
    /// all of them (a [StructLayout(Pack = 1)] struct of 9 bytes gives 1).
    /// </summary>
    private static int BaseAlignment(StructType type) => Math.Min(8, type.Size & -type.Size);

    private static int AlignmentAt(int baseAlignment, int offset) => offset == 0 ? baseAlignment : Math.Min(baseAlignment, offset & -offset);

    private unsafe LLVMValueRef FieldPointer(LLVMValueRef structAddress, int offset)
    {
        if (offset == 0) return structAddress;
        var index = ConstOf(_types.I64, offset);
        return LLVMBuildInBoundsGEP2(_builder, _types.I8, structAddress, &index, 1, "");
    }

    private LLVMValueRef LoadStruct(LLVMValueRef address, StructType type, int alignment)
    {
        var value = LLVMGetPoison(_types.StructValueType(type));
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            var pointer = FieldPointer(address, field.Offset);
            var fieldAlignment = AlignmentAt(alignment, field.Offset);
            LLVMValueRef loaded;
            if (field.Type is StructType nested)
            {
                loaded = LoadStruct(pointer, nested, fieldAlignment);
            }
            else
            {
                loaded = LLVMBuildLoad2(_builder, _types.MemoryType(field.Type), pointer, "");
                LLVMSetAlignment(loaded, (uint)Math.Min(fieldAlignment, Math.Max(1, field.Type.BitWidth / 8)));
            }
            value = LLVMBuildInsertValue(_builder, value, loaded, (uint)i, "");
        }
        return value;
    }

    private void StoreStruct(LLVMValueRef value, LLVMValueRef address, StructType type, int alignment)
    {
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            var pointer = FieldPointer(address, field.Offset);
            var fieldAlignment = AlignmentAt(alignment, field.Offset);
            var fieldValue = LLVMBuildExtractValue(_builder, value, (uint)i, "");
            if (field.Type is StructType nested)
            {
                StoreStruct(fieldValue, pointer, nested, fieldAlignment);
            }
            else
            {
                var store = LLVMBuildStore(_builder, fieldValue, pointer);
                LLVMSetAlignment(store, (uint)Math.Min(fieldAlignment, Math.Max(1, field.Type.BitWidth / 8)));
            }
        }
    }

    private LLVMValueRef LowerFieldAddress(FieldAddressInstruction instruction) =>
        FieldPointer(Get(instruction.StructAddress), instruction.Field.Offset);

    private LLVMValueRef LowerExtractField(ExtractFieldInstruction instruction)
    {
        var index = instruction.StructType.IndexOf(instruction.Field);
        var field = LLVMBuildExtractValue(_builder, Get(instruction.StructValue), (uint)index, "");
        return instruction.Field.Type is StructType ? field : WidenFromMemory(field, instruction.Field.Type);
    }

    private LLVMValueRef LowerMakeStruct(MakeStructInstruction make)
    {
        var value = LLVMGetPoison(_types.StructValueType(make.StructType));
        for (var i = 0; i < make.Operands.Length; i++)
        {
            var fieldType = make.StructType.Fields[i].Type;
            var field = Get(make.Operands[i]);
            if (fieldType is not StructType) field = NarrowToMemory(field, fieldType);
            value = LLVMBuildInsertValue(_builder, value, field, (uint)i, "");
        }
        return value;
    }
}
