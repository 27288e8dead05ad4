using System.Numerics;
using System.Reflection;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// System.Numerics.Vector2, Vector3 and Vector4: their fields (X, Y, Z, W) are ordinary struct fields, and
/// their commonly used members become lane-by-lane float arithmetic here, because .NET implements them
/// with hardware intrinsics (Vector128) whose IL Numbana cannot compile.
/// </summary>
/// <remarks>
/// The results are RyuJIT's on x64, measured bit for bit: the arithmetic operators, Min, Max (as MathF.Max:
/// NaN propagates, -0 is below +0), Abs and SquareRoot work per lane; Dot sums the products pairwise as
/// SSE4.1's dpps does, <c>(x0*y0 + x1*y1) + (x2*y2 + x3*y3)</c>, the missing lanes of Vector2 and Vector3
/// being +0 products (so a Vector2 dot of -0 products is +0); Length is the square root of that dot,
/// Normalize divides each lane by the length; Lerp is <c>fma(a, 1 - t, b * t)</c> per lane (one rounding for
/// the final multiply-add, as RyuJIT's MultiplyAddEstimate with FMA). Transform, Reflect and the other members
/// are rejected by name.
/// </remarks>
internal sealed partial class Importer
{
    private static bool IsNumericsVector(Type? type) => type == typeof(Vector2) || type == typeof(Vector3) || type == typeof(Vector4);

    private bool TryImportVectorMember(MethodBase member, bool isNewobj)
    {
        var declaring = member.DeclaringType;
        if (!IsNumericsVector(declaring)) return false;
        var vector = (StructType)ClrTypes.TryMap(declaring!, out _)!;
        var parameters = member.GetParameters().Select(p => p.ParameterType).ToArray();
        var offset = _instruction.Offset;

        if (member is ConstructorInfo)
        {
            var arguments = new Value[parameters.Length];
            for (var i = arguments.Length - 1; i >= 0; i--) arguments[i] = Pop();
            var lanes = new List<Value>();
            foreach (var (argument, type) in arguments.Zip(parameters))
            {
                if (type == typeof(float)) lanes.Add(ToFloat(argument));
                else if (IsNumericsVector(type)) lanes.AddRange(Lanes(argument));
                else throw UnsupportedVectorMember(member);
            }
            if (lanes.Count == 1) lanes = Enumerable.Repeat(lanes[0], vector.Fields.Count).ToList(); // new Vector3(v): every lane v
            if (lanes.Count != vector.Fields.Count) throw UnsupportedVectorMember(member);
            var made = Make(vector, lanes);
            if (isNewobj) Push(made);
            else Append(new StoreInstruction(PopVectorReference(vector, member), made, offset));
            return true;
        }

        var method = (MethodInfo)member;
        switch (method.Name, parameters.Length)
        {
            case ("get_Zero", 0):
                Push(Make(vector, Enumerable.Repeat(FloatConstant(0f), vector.Fields.Count)));
                return true;
            case ("get_One", 0):
                Push(Make(vector, Enumerable.Repeat(FloatConstant(1f), vector.Fields.Count)));
                return true;
            case ("op_Addition" or "Add", 2): return LaneWise(BinaryOp.Add);
            case ("op_Subtraction" or "Subtract", 2): return LaneWise(BinaryOp.Sub);
            case ("op_Multiply" or "Multiply", 2): return LaneWise(BinaryOp.Mul);
            case ("op_Division" or "Divide", 2): return LaneWise(BinaryOp.Div);
            case ("op_UnaryNegation" or "Negate", 1):
                Push(Make(vector, Lanes(PopVector(vector, member)).Select(l => Append(new UnaryInstruction(UnaryOp.Neg, l, offset)))));
                return true;
            case ("Min", 2): return LaneWiseMath(MathFunction.Min);
            case ("Max", 2): return LaneWiseMath(MathFunction.Max);
            case ("Abs", 1): return LaneWiseMath(MathFunction.Abs);
            case ("SquareRoot", 1): return LaneWiseMath(MathFunction.Sqrt);
            case ("Clamp", 3):
            {
                // Min(Max(value, min), max), as .NET 9 and later: max wins when min > max.
                var max = Lanes(PopVector(vector, member));
                var min = Lanes(PopVector(vector, member));
                var value = Lanes(PopVector(vector, member));
                Push(Make(vector, value.Select((v, i) => MathOf(MathFunction.Min, MathOf(MathFunction.Max, v, min[i]), max[i]))));
                return true;
            }
            case ("Lerp", 3):
            {
                // fma(a, 1 - t, b * t) per lane, as .NET 9 and later compute it (MultiplyAddEstimate, fused on x64 with FMA).
                var amount = Pop();
                var count = vector.Fields.Count;
                var t = amount.Type == vector ? Lanes(amount) : Enumerable.Repeat(ToFloat(amount), count).ToArray();
                var b = Lanes(PopVector(vector, member));
                var a = Lanes(PopVector(vector, member));
                var one = FloatConstant(1f);
                Push(Make(vector, a.Select((lane, i) =>
                    MathOf(MathFunction.FusedMultiplyAdd, lane, Float(BinaryOp.Sub, one, t[i]), Float(BinaryOp.Mul, b[i], t[i])))));
                return true;
            }
            case ("Dot", 2):
            {
                var right = Lanes(PopVector(vector, member));
                var left = Lanes(PopVector(vector, member));
                Push(Dot(left, right));
                return true;
            }
            case ("Length" or "LengthSquared", 0):
            {
                var lanes = Lanes(PopVectorReceiver(vector, member));
                var dot = Dot(lanes, lanes);
                Push(method.Name == "Length" ? MathOf(MathFunction.Sqrt, dot) : dot);
                return true;
            }
            case ("Distance" or "DistanceSquared", 2):
            {
                var right = Lanes(PopVector(vector, member));
                var left = Lanes(PopVector(vector, member));
                var difference = left.Select((l, i) => Float(BinaryOp.Sub, l, right[i])).ToArray();
                var dot = Dot(difference, difference);
                Push(method.Name == "Distance" ? MathOf(MathFunction.Sqrt, dot) : dot);
                return true;
            }
            case ("Normalize", 1):
            {
                var lanes = Lanes(PopVector(vector, member));
                var length = MathOf(MathFunction.Sqrt, Dot(lanes, lanes));
                Push(Make(vector, lanes.Select(l => Float(BinaryOp.Div, l, length))));
                return true;
            }
            case ("Cross", 2) when vector.ClrType == typeof(Vector3):
            {
                // (a.Y*b.Z - a.Z*b.Y, a.Z*b.X - a.X*b.Z, a.X*b.Y - a.Y*b.X): two products and a subtraction per lane.
                var b = Lanes(PopVector(vector, member));
                var a = Lanes(PopVector(vector, member));
                Push(Make(vector, [
                    Float(BinaryOp.Sub, Float(BinaryOp.Mul, a[1], b[2]), Float(BinaryOp.Mul, a[2], b[1])),
                    Float(BinaryOp.Sub, Float(BinaryOp.Mul, a[2], b[0]), Float(BinaryOp.Mul, a[0], b[2])),
                    Float(BinaryOp.Sub, Float(BinaryOp.Mul, a[0], b[1]), Float(BinaryOp.Mul, a[1], b[0])),
                ]));
                return true;
            }
            case ("op_Equality" or "op_Inequality", 2):
            {
                // Equal when every lane compares equal (NaN lanes never do).
                var right = Lanes(PopVector(vector, member));
                var left = Lanes(PopVector(vector, member));
                Value all = Append(new CompareInstruction(Condition.Equal, left[0], right[0], offset));
                for (var i = 1; i < left.Length; i++)
                    all = Append(new BinaryInstruction(BinaryOp.And, NType.I32, all, Append(new CompareInstruction(Condition.Equal, left[i], right[i], offset)), offset));
                if (method.Name == "op_Inequality")
                    all = Append(new BinaryInstruction(BinaryOp.Xor, NType.I32, all, Append(new ConstantInstruction(NType.I32, 1, offset)), offset));
                Push(all);
                return true;
            }
        }
        throw UnsupportedVectorMember(member);

        // A vector operator or method: vector op vector, vector op float, or float op vector, lane by lane.
        bool LaneWise(BinaryOp op)
        {
            var right = Pop();
            var left = Pop();
            var count = vector.Fields.Count;
            var leftLanes = left.Type == vector ? Lanes(left) : Enumerable.Repeat(ToFloat(left), count).ToArray();
            var rightLanes = right.Type == vector ? Lanes(right) : Enumerable.Repeat(ToFloat(right), count).ToArray();
            Push(Make(vector, leftLanes.Select((l, i) => Float(op, l, rightLanes[i]))));
            return true;
        }

        bool LaneWiseMath(MathFunction function)
        {
            var arity = parameters.Length;
            var operands = new Value[arity][];
            for (var i = arity - 1; i >= 0; i--) operands[i] = Lanes(PopVector(vector, member));
            Push(Make(vector, Enumerable.Range(0, vector.Fields.Count).Select(lane => MathOf(function, operands.Select(o => o[lane]).ToArray()))));
            return true;
        }
    }

    /// <summary>The sum of the lane products, pairwise as dpps: (p0 + p1) + (p2 + p3), missing lanes +0.</summary>
    private Value Dot(Value[] left, Value[] right)
    {
        var products = left.Select((l, i) => Float(BinaryOp.Mul, l, right[i])).ToList();
        while (products.Count < 4) products.Add(FloatConstant(0f));
        return Float(BinaryOp.Add, Float(BinaryOp.Add, products[0], products[1]), Float(BinaryOp.Add, products[2], products[3]));
    }

    private Value[] Lanes(Value vector)
    {
        if (vector.Type is not StructType type || !IsNumericsVector(type.ClrType))
            throw Unsupported($"A {vector.Type} is used where a Vector2, Vector3 or Vector4 is expected.");
        return type.Fields.Select(f => (Value)Append(new ExtractFieldInstruction(vector, f, _instruction.Offset))).ToArray();
    }

    private Value Make(StructType vector, IEnumerable<Value> lanes) => Append(new MakeStructInstruction(vector, lanes.ToArray(), _instruction.Offset));

    private Value Float(BinaryOp op, Value left, Value right) => Append(new BinaryInstruction(op, NType.F32, left, right, _instruction.Offset));

    private Value MathOf(MathFunction function, params Value[] arguments) => Append(new MathInstruction(function, NType.F32, arguments, _instruction.Offset));

    private Value FloatConstant(float value) => Append(new ConstantInstruction(NType.F32, BitConverter.SingleToInt32Bits(value), _instruction.Offset));

    /// <summary>A float argument: CIL may hold it as a float64 on the stack (a double expression cast to float is conv.r4 already).</summary>
    private Value ToFloat(Value value) => value.Type == NType.F32
        ? value
        : value.Type == NType.F64
            ? Append(new ConvertInstruction(NType.F32, value, sourceUnsigned: false, checkOverflow: false, _instruction.Offset))
            : throw Unsupported($"A {value.Type} is passed where a float is expected.");

    private Value PopVector(StructType vector, MethodBase member)
    {
        var value = Pop();
        return value.Type == vector ? value : throw Unsupported($"{MethodNames.Describe(member)} receives a {value.Type}, not a {vector}.");
    }

    private Value PopVectorReference(StructType vector, MethodBase member)
    {
        var address = Pop();
        return address.Type is ByRefType { Element: var element } && element == vector
            ? address
            : throw Unsupported($"{MethodNames.Describe(member)} is called on a {address.Type}, not a reference to a {vector}.");
    }

    /// <summary>The vector an instance method (v.Length()) is called on, through its address.</summary>
    private Value PopVectorReceiver(StructType vector, MethodBase member) =>
        Append(new LoadInstruction(PopVectorReference(vector, member), _instruction.Offset));

    private UnsupportedIlException UnsupportedVectorMember(MethodBase member) => Unsupported(
        $"{MethodNames.Describe(member)} is not supported in compiled code. Supported members of Vector2, Vector3 and Vector4: " +
        "the constructors, X/Y/Z/W, Zero, One, + - * / (with a vector or a float), unary -, ==, !=, Add, Subtract, Multiply, Divide, Negate, " +
        "Dot, Length, LengthSquared, Distance, DistanceSquared, Normalize, Lerp, Min, Max, Abs, SquareRoot, Clamp and Vector3.Cross; " +
        "write other operations with the fields.");
}
