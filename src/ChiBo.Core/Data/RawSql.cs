using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChiBo.Data;

/// <summary>
/// Hand-written SQL for the heavy set-based reports, on whichever provider the context uses.
/// Both SQLite (3.30+) and PostgreSQL accept the same aggregate FILTER syntax; the few
/// differences are the expressions below.
/// </summary>
public sealed class RawSql(ChiBoDb db)
{
    private readonly List<(string Name, object Value)> _parameters = [];

    public bool IsPostgres { get; } = db.IsPostgres;

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Param(object value)
    {
        var name = "@p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    /// <summary>
    /// Names the index SQLite must use: with several indexes starting (province_id, cell_path) its
    /// planner may pick one that covers a bare count but not the report's columns. PostgreSQL chooses well.
    /// </summary>
    public string IndexedBy(string index) => IsPostgres ? "" : $" INDEXED BY {index}";

    /// <summary>The year of a date column as an integer.</summary>
    public string YearOf(string column) => IsPostgres
        ? $"CAST(date_part('year', {column}) AS integer)"
        : $"CAST(substr({column}, 1, 4) AS integer)";

    /// <summary>The month (1–12) of a date column as an integer.</summary>
    public string MonthOf(string column) => IsPostgres
        ? $"CAST(date_part('month', {column}) AS integer)"
        : $"CAST(substr({column}, 6, 2) AS integer)";

    /// <summary>
    /// Bitwise OR of an integer expression over a group. SQLite has no bit_or: there the sum of
    /// the distinct values is the same thing as long as every value is 0 or a single bit.
    /// </summary>
    public string BitOr(string singleBitExpression) => IsPostgres
        ? $"bit_or({singleBitExpression})"
        : $"sum(DISTINCT {singleBitExpression})";

    /// <summary>
    /// True where the day and month of a date column fall after those of <paramref name="date"/>
    /// (the birthday is still ahead that year). Plain arithmetic on PostgreSQL (to_char per row
    /// cost a third of the structure report); a text compare of "MM-dd" on SQLite, which stores dates as text.
    /// </summary>
    public string MonthDayAfter(string column, DateOnly date) => IsPostgres
        ? $"(date_part('month', {column}) * 100 + date_part('day', {column})) > {Param(date.Month * 100 + date.Day)}"
        : $"substr({column}, 6, 5) > {Param(date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))}";

    public async Task<T> QueryAsync<T>(string sql, Func<DbDataReader, Task<T>> read, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 600;
            if (db.Database.CurrentTransaction is { } tx)
            {
                command.Transaction = tx.GetDbTransaction();
            }

            foreach (var (name, value) in _parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Appends the subtree predicate over a path column (and the province, when the subtree has one).</summary>
    public string SubtreePredicate(Organizations.Subtree subtree, string pathColumn, string provinceColumn)
    {
        if (subtree.ProvinceId is null)
        {
            return "1=1";
        }

        return $"{provinceColumn} = {Param(subtree.ProvinceId.Value)} AND {pathColumn} >= {Param(subtree.Path)} AND {pathColumn} < {Param(subtree.UpperBound)}";
    }
}
