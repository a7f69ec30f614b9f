using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Web.Hosting;

/// <summary>One table after a move: its rows and a checksum of their values on each side.</summary>
public sealed record TableComparison(string Table, int SourceRows, int TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Copies every table of the model from one database to another (in practice the embedded SQLite file to
/// a new PostgreSQL database), then compares both row for row. Generic over the model, so tables added
/// later move without changes here (ADR 0071).
/// </summary>
public static class DatabaseMove
{
    private const int BatchSize = 1000;

    /// <summary>
    /// Copies all rows in foreign-key order inside one transaction of the target, moves the target's
    /// identity sequences past the copied ids and compares both sides table by table; commits only when
    /// every table matches. The target must be migrated and empty.
    /// </summary>
    public static async Task<IReadOnlyList<TableComparison>> MoveAsync(StrategyGovDbContext source, StrategyGovDbContext target, CancellationToken ct)
    {
        var tables = TablesInDependencyOrder(source.Model);
        var occupied = new List<string>();
        foreach (var table in tables)
        {
            if (await Rows(target, table).AnyAsync(ct))
            {
                occupied.Add(table.GetTableName() ?? table.Name);
            }
        }

        if (occupied.Count > 0)
        {
            throw new InvalidOperationException(
                $"The target database already holds rows in {string.Join(", ", occupied)}: a move needs a freshly migrated, empty database.");
        }

        // The audit trail is copied as it stands (its own table, hash chain intact); copying the audited
        // rows must not write new events on top of it.
        target.Audit.Suppressed = true;
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            var pending = 0;
            await foreach (var row in Rows(source, table).AsAsyncEnumerable().WithCancellation(ct))
            {
                var from = source.Entry(row);
                var copy = from.CurrentValues.ToObject();
                var to = table.HasSharedClrType
                    ? target.Set<Dictionary<string, object>>(table.Name).Add((Dictionary<string, object>)copy)
                    : target.Add(copy);

                // Shadow properties (foreign keys without a CLR property) are not on the object; the two
                // contexts have models of their own, so values go across by property name.
                foreach (var property in from.Metadata.GetProperties())
                {
                    to.Property(property.Name).CurrentValue = from.CurrentValues[property];
                }

                if (++pending == BatchSize)
                {
                    await FlushAsync(source, target, ct);
                    pending = 0;
                }
            }

            await FlushAsync(source, target, ct);
        }

        if (target.Database.IsNpgsql())
        {
            await ResetIdentitySequencesAsync(target, tables, ct);
        }

        // Derived data is not copied but built again from the copied rows.
        await AnswerPacking.RefreshMissingAsync(target, ct);

        target.ChangeTracker.AutoDetectChangesEnabled = true;
        var comparisons = await CompareAsync(source, target, ct);
        if (comparisons.All(c => c.Matches))
        {
            await transaction.CommitAsync(ct);
        }

        return comparisons;
    }

    /// <summary>Row counts and order-independent SHA-256 checksums of every table on both sides.</summary>
    public static async Task<IReadOnlyList<TableComparison>> CompareAsync(StrategyGovDbContext source, StrategyGovDbContext target, CancellationToken ct)
    {
        var comparisons = new List<TableComparison>();
        foreach (var table in TablesInDependencyOrder(source.Model))
        {
            var (sourceRows, sourceChecksum) = await ChecksumAsync(source, table, ct);
            var (targetRows, targetChecksum) = await ChecksumAsync(target, table, ct);
            comparisons.Add(new TableComparison(table.GetTableName() ?? table.Name, sourceRows, targetRows, sourceChecksum, targetChecksum));
        }

        return comparisons;
    }

    /// <summary>
    /// Entity types with a table of their own (roots of a hierarchy, no owned types), principals before
    /// dependents; ties by table name so the order is stable. Derived tables (<see cref="PackedAnswers"/>,
    /// whose bytes depend on how each database returns decimals) are left out: the move builds them again.
    /// </summary>
    public static IReadOnlyList<IEntityType> TablesInDependencyOrder(IModel model)
    {
        var roots = model.GetEntityTypes()
            .Where(t => t.BaseType is null && !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(PackedAnswers))
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < roots.Count)
        {
            var next = roots.FirstOrDefault(t => !placed.Contains(t) && Principals(t).All(p => p == t || placed.Contains(p)))
                ?? throw new InvalidOperationException("The model has a cycle of required foreign keys between tables; the move cannot order them.");
            ordered.Add(next);
            placed.Add(next);
        }

        return ordered;
    }

    private static IEnumerable<IEntityType> Principals(IEntityType table) =>
        table.GetDerivedTypesInclusive().SelectMany(t => t.GetDeclaredForeignKeys()).Select(fk => fk.PrincipalEntityType.GetRootType());

    private static IQueryable<object> Rows(DbContext db, IEntityType table) =>
        table.HasSharedClrType
            ? db.Set<Dictionary<string, object>>(table.Name)
            : (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(table.ClrType)
                .Invoke(db, null)!;

    private static async Task FlushAsync(DbContext source, DbContext target, CancellationToken ct)
    {
        target.ChangeTracker.DetectChanges();
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        source.ChangeTracker.Clear();
    }

    // Ids were copied explicitly, so each identity sequence still starts at 1: move it past the maximum.
    private static async Task ResetIdentitySequencesAsync(DbContext target, IEnumerable<IEntityType> tables, CancellationToken ct)
    {
        var connection = target.Database.GetDbConnection();
        foreach (var table in tables)
        {
            var name = table.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, table.GetSchema());
            foreach (var key in table.FindPrimaryKey()?.Properties ?? [])
            {
                if (key.ValueGenerated != ValueGenerated.OnAdd || (key.ClrType != typeof(int) && key.ClrType != typeof(long)))
                {
                    continue;
                }

                var column = key.GetColumnName(store)!;
                var qualified = table.GetSchema() is { } schema ? $"\"{schema}\".\"{name}\"" : $"\"{name}\"";
                await using var command = connection.CreateCommand();
                command.Transaction = target.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText =
                    $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM {qualified}";
                AddParameter(command, "table", qualified);
                AddParameter(command, "column", column);
                await command.ExecuteScalarAsync(ct);
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<(int Rows, string Checksum)> ChecksumAsync(DbContext db, IEntityType table, CancellationToken ct)
    {
        var rows = new List<string>();
        await foreach (var row in Rows(db, table).AsAsyncEnumerable().WithCancellation(ct))
        {
            var values = db.Entry(row).CurrentValues;
            rows.Add(string.Join('|', values.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={Canonical(values[p])}")));
            if (rows.Count % BatchSize == 0)
            {
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.Clear();
        rows.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)));
        return (rows.Count, Convert.ToHexStringLower(hash)[..16]);
    }

    // One text per value whatever the provider stored: SQLite keeps decimals as text and times with
    // 100 ns ticks, PostgreSQL numeric(18,6) and microseconds (the finest a timestamp holds).
    private static string Canonical(object? value) => value switch
    {
        null => "∅",
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateTime t => new DateTime(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => new DateTimeOffset(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
