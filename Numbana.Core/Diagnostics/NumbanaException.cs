namespace Numbana;

/// <summary>
/// The base of every exception Numbana raises about the user's code or set-up (not the exceptions
/// that compiled code raises on behalf of .NET, such as <see cref="IndexOutOfRangeException"/>).
/// </summary>
public class NumbanaException : Exception
{
    /// <summary>Creates the exception with a message that says what happened and what to do.</summary>
    public NumbanaException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public NumbanaException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>
/// LLVM itself failed: the library could not be found or loaded, or it rejected a module,
/// a pass pipeline or a target. The message carries LLVM's own text.
/// </summary>
public class LlvmException : NumbanaException
{
    /// <summary>Creates the exception with LLVM's message.</summary>
    public LlvmException(string message) : base(message) { }

    /// <summary>Creates the exception with LLVM's message and a cause.</summary>
    public LlvmException(string message, Exception? innerException) : base(message, innerException) { }
}
