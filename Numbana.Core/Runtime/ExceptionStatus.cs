namespace Numbana.Runtime;

/// <summary>
/// The status every compiled entry returns (the native ABI: 0 is success). A non-zero status names
/// the .NET exception that the managed caller raises; compiled code never unwinds through native frames.
/// </summary>
internal enum ExceptionStatus
{
    Ok = 0,
    IndexOutOfRange = 1,
    DivideByZero = 2,
    Overflow = 3,
    NullReference = 4,
}
