using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using StrategyGov.Data.Auditing;

namespace StrategyGov.Data;

/// <summary>
/// Inserts many new rows of one entity type through one prepared INSERT built from the model (ADR 0091):
/// on SQLite the same statement is executed again for each row, elsewhere the rows are sent in batches
/// of statements. Values are converted exactly as EF Core converts them. A generated key is read back
/// into each entity. The rows are not tracked; audited ones get their "created" events in the audit
/// chain, as a save would record them. Runs inside the caller's transaction, or one of its own.
/// EF Core's change tracker parses one statement per row on SQLite: 10,000 answers took ≈ 0.7 s, here ≈ 0.1 s.
/// </summary>
public static class BulkInsert
{
    private const int BatchSize = 500;

    public static async Task InsertAsync<T>(StrategyGovDbContext db, IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var insert = Statement.For(db, typeof(T));
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            if (connection.CanCreateBatch)
            {
                await InsertInBatchesAsync(connection, transaction, insert, entities, ct);
            }
            else
            {
                await InsertOneByOneAsync(connection, transaction, insert, entities, ct);
            }

            if (typeof(IAudited).IsAssignableFrom(typeof(T)) && !db.Audit.Suppressed)
            {
                await AuditInterceptor.Shared.AppendCreatedAsync(db, entities, ct);
            }

            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static async Task InsertOneByOneAsync<T>(DbConnection connection, DbTransaction transaction, Statement insert, IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert.Sql;
        foreach (var entity in entities)
        {
            command.Parameters.Clear();
            insert.AddParameters(command, command.Parameters, entity);
            if (insert.ReturnsKey)
            {
                insert.SetKey(entity, await command.ExecuteScalarAsync(ct));
            }
            else
            {
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static async Task InsertInBatchesAsync<T>(DbConnection connection, DbTransaction transaction, Statement insert, IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        // Parameters are made by the type mappings, which need a command to make them with.
        await using var factory = connection.CreateCommand();
        foreach (var chunk in entities.Chunk(BatchSize))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var entity in chunk)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = insert.Sql;
                insert.AddParameters(factory, statement.Parameters, entity);
                batch.BatchCommands.Add(statement);
            }

            if (!insert.ReturnsKey)
            {
                await batch.ExecuteNonQueryAsync(ct);
                continue;
            }

            // One result per statement, in the order of the statements.
            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var entity in chunk)
            {
                await reader.ReadAsync(ct);
                insert.SetKey(entity, reader.GetValue(0));
                await reader.NextResultAsync(ct);
            }
        }
    }

    /// <summary>The INSERT of one entity type: its columns, and the generated key it returns, if any.</summary>
    private sealed class Statement
    {
        private readonly IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping, string Parameter)> _columns;
        private readonly IProperty? _keyProperty;

        private Statement(string sql, IReadOnlyList<(IProperty, RelationalTypeMapping, string)> columns, IProperty? key)
        {
            Sql = sql;
            _columns = columns;
            _keyProperty = key;
        }

        public string Sql { get; }

        /// <summary>Whether the key is generated by the database and returned by the INSERT.</summary>
        public bool ReturnsKey => _keyProperty is not null;

        public static Statement For(StrategyGovDbContext db, Type clrType)
        {
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var generated = entityType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
            var columns = entityType.GetProperties()
                .Where(p => p != generated)
                .Select((p, i) => (Property: p, Mapping: (RelationalTypeMapping)p.GetTypeMapping(), Parameter: sql.GenerateParameterName($"p{i}")))
                .ToList();
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select(c => c.Parameter));
            var returning = generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName(table)!)}";
            return new Statement(
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values}){returning}",
                columns,
                generated);
        }

        public void AddParameters(DbCommand factory, DbParameterCollection parameters, object entity)
        {
            foreach (var (property, mapping, name) in _columns)
            {
                parameters.Add(mapping.CreateParameter(factory, name, property.GetGetter().GetClrValueUsingContainingEntity(entity), property.IsNullable));
            }
        }

        public void SetKey(object entity, object? stored) =>
            _keyProperty!.PropertyInfo!.SetValue(entity, Convert.ChangeType(stored, _keyProperty.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }
}
