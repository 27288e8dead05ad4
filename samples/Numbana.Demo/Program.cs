namespace Numbana.Demo;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("Numbana demo");
        return 0;
    }
}
