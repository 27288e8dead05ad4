namespace Numbana.Tests.Execution.Kernels;

/// <summary>Jagged arrays (T[][], T[][][]): rows as locals and arguments, loads, stores, lengths, null rows, bounds.</summary>
public static class JaggedArrayKernels
{
    public static double Load(double[][] m, int i, int j) => m[i][j];
    public static bool LoadBool(bool[][] m, int i, int j) => m[i][j];
    public static char LoadChar(char[][] m, int i, int j) => m[i][j];
    public static void Store(int[][] m, int i, int j, int value) => m[i][j] = value;
    public static void StoreByte(byte[][] m, int i, int j, int value) => m[i][j] = (byte)value;
    public static void AddAssign(double[][] m, int i, int j, double x) => m[i][j] += x;
    public static void IncrementLong(long[][] m, int i, int j) => m[i][j]++;
    public static int OuterLength(long[][] m) => m.Length;
    public static int RowLength(float[][] m, int i) => m[i].Length;

    /// <summary>The new-user trial's kernel: rows hoisted into a local, as users write it.</summary>
    public static void MatVec(double[][] matrix, double[] x, double[] y)
    {
        for (int i = 0; i < matrix.Length; i++)
        {
            double sum = 0;
            double[] row = matrix[i];
            for (int j = 0; j < row.Length; j++) sum += row[j] * x[j];
            y[i] = sum;
        }
    }

    /// <summary>Without the hoisted row: m[i][j] read each time, and m[i].Length in the loop condition.</summary>
    public static double SumIndexed(double[][] m)
    {
        double sum = 0;
        for (int i = 0; i < m.Length; i++)
            for (int j = 0; j < m[i].Length; j++)
                sum += m[i][j];
        return sum;
    }

    public static double SumForeach(double[][] m)
    {
        double sum = 0;
        foreach (var row in m)
            foreach (var x in row)
                sum += x;
        return sum;
    }

    /// <summary>The total of every row's length: a null row raises NullReferenceException at its Length, after the rows before it.</summary>
    public static int TotalLength(int[][] m)
    {
        int total = 0;
        for (int i = 0; i < m.Length; i++) total += m[i].Length;
        return total;
    }

    /// <summary>A row's Length read and not used: a null row still raises NullReferenceException, as .NET.</summary>
    public static int TouchEveryRow(int[][] m)
    {
        int touched = 0;
        for (int i = 0; i < m.Length; i++)
        {
            _ = m[i].Length;
            touched++;
        }
        return touched;
    }

    /// <summary>Null rows tested as users write it: <c>== null</c>, <c>is not null</c> and <c>?.</c> with <c>??</c>.</summary>
    public static int SkipNullRows(int[][] m)
    {
        int nulls = 0, total = 0;
        for (int i = 0; i < m.Length; i++)
        {
            if (m[i] == null) { nulls++; continue; }
            int[] row = m[i];
            if (row is not null && row.Length > 0) total += row[0];
            total += (m[i]?.Length ?? -100) * 1000;
        }
        return total + nulls * 1_000_000;
    }

    /// <summary>Writes each row's index into its first element: a null row or an empty one throws after the earlier stores.</summary>
    public static void MarkFirst(int[][] m)
    {
        for (int i = 0; i < m.Length; i++) m[i][0] = i + 1;
    }

    /// <summary>Stores past the end of a short row: IndexOutOfRangeException after exactly .NET's stores.</summary>
    public static void FillColumns(int[][] m, int columns)
    {
        for (int i = 0; i < m.Length; i++)
            for (int j = 0; j < columns; j++)
                m[i][j] = i * 100 + j;
    }

    public static double RowSum(double[] row)
    {
        double sum = 0;
        for (int j = 0; j < row.Length; j++) sum += row[j];
        return sum;
    }

    /// <summary>Each row passed on to a callee (a null row reaches it and throws there, at its Length).</summary>
    public static void RowSums(double[][] m, double[] sums)
    {
        for (int i = 0; i < m.Length; i++) sums[i] = RowSum(m[i]);
    }

    public static void ScaleRows(double[][] m, double factor)
    {
        foreach (var row in m)
            for (int j = 0; j < row.Length; j++) row[j] *= factor;
    }

    /// <summary>The jagged array itself passed on to a callee.</summary>
    public static void ScaleThenSum(double[][] m, double factor, double[] total)
    {
        ScaleRows(m, factor);
        total[0] = SumForeach(m);
    }

    /// <summary>A row chosen at run time from two jagged arrays (a block parameter of array type).</summary>
    public static long PickRow(long[][] a, long[][] b, int i, bool fromA)
    {
        long[] row = fromA ? a[i] : b[i];
        return row.Length == 0 ? -1 : row[row.Length - 1];
    }

    /// <summary>C = A * B over double[][] in i-k-j order, rows hoisted as users write them (the vectorization FileTest).</summary>
    public static void MatMul(double[][] a, double[][] b, double[][] c)
    {
        int n = a.Length;
        for (int i = 0; i < n; i++)
        {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int k = 0; k < ai.Length; k++)
            {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < ci.Length; j++)
                    ci[j] += aik * bk[j];
            }
        }
    }

    /// <summary>A parallel loop over the rows: the jagged array and each row reach the outlined body.</summary>
    public static void ScaleRowsInParallel(double[][] m, double factor, double[] rowSums)
    {
        foreach (int i in Prange.Range(m.Length))
        {
            double[] row = m[i];
            double sum = 0;
            for (int j = 0; j < row.Length; j++)
            {
                row[j] *= factor;
                sum += row[j];
            }
            rowSums[i] = sum;
        }
    }

    public static int Sum3(int[][][] t)
    {
        int sum = 0;
        for (int i = 0; i < t.Length; i++)
        {
            int[][] plane = t[i];
            for (int j = 0; j < plane.Length; j++)
                for (int k = 0; k < plane[j].Length; k++)
                    sum += plane[j][k] * (k + 1);
        }
        return sum;
    }

    public static void Store3(float[][][] t, int i, int j, int k) => t[i][j][k] = i + j * 0.5f - k;
}
