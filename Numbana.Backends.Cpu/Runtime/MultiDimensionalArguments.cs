namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// The checks the emitted callers make on a multi-dimensional array argument before compiled code sees it
/// as (data, lengths): compiled code indexes from zero, so an array made with non-zero lower bounds
/// (<c>Array.CreateInstance(type, lengths, lowerBounds)</c>) is refused here, at the call, rather than
/// indexed wrongly.
/// </summary>
internal static class MultiDimensionalArguments
{
    /// <summary>Throws ArgumentNullException for null, ArgumentException for an array with a non-zero lower bound.</summary>
    public static void Check(Array? array, string name)
    {
        ArgumentNullException.ThrowIfNull(array, name);
        for (var d = 0; d < array.Rank; d++)
        {
            if (array.GetLowerBound(d) != 0)
                throw new ArgumentException(
                    $"The array passed for '{name}' has a non-zero lower bound in dimension {d} ({array.GetLowerBound(d)}): compiled code indexes " +
                    "multi-dimensional arrays from zero. Pass an array made with new T[n, m] (or Array.CreateInstance without lower bounds).", name);
        }
    }
}
