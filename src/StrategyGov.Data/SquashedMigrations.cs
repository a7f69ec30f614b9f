using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StrategyGov.Data;

/// <summary>
/// The nine migrations of 2026-11-22/23 were squashed into one <c>Initial</c> migration per provider
/// (ADR 0093). A database they built has the schema the new Initial builds, so before migrating, its
/// history is rewritten to name the new Initial instead. A database on which only some of them were
/// applied is refused: the previous release must bring it to the end of the old chain first.
/// </summary>
public static class SquashedMigrations
{
    /// <summary>Per migrations assembly: the Initial and the chain it replaced.</summary>
    private static readonly Dictionary<string, (string Initial, string[] Replaced)> Chains = new()
    {
        ["StrategyGov.Data.Migrations.Sqlite"] = ("20261207112700_Initial",
        [
            "20261122222708_Initial", "20261123004418_AuditAndNotifications", "20261123015127_Calendar",
            "20261123020133_RolesAndRaci", "20261123020456_ReportingLoop", "20261123021024_DataProtectionKeys",
            "20261123022358_ScoreSnapshotsAndApiTokens", "20261123054203_AnswersScoringIndex", "20261123142416_PackedAnswers",
        ]),
        ["StrategyGov.Data.Migrations.PostgreSql"] = ("20261207112734_Initial",
        [
            "20261122222715_Initial", "20261123004425_AuditAndNotifications", "20261123015259_Calendar",
            "20261123020201_RolesAndRaci", "20261123020506_ReportingLoop", "20261123021034_DataProtectionKeys",
            "20261123022407_ScoreSnapshotsAndApiTokens", "20261123054208_AnswersScoringIndex", "20261123142423_PackedAnswers",
        ]),
    };

    /// <summary>The ids of the migrations the Initial of this context's migrations assembly replaced (none for another assembly).</summary>
    public static IReadOnlyList<string> ReplacedBy(DbContext db) =>
        Chains.TryGetValue(MigrationsAssembly(db), out var chain) ? chain.Replaced : [];

    /// <summary>
    /// When the database's history holds exactly the replaced chain, replaces those rows by one row of
    /// the new Initial, in one transaction, and returns true. Returns false for a database without
    /// history (new) or without any of the replaced ids (created by the new Initial, or carried over
    /// before). Throws when the history holds only part of the chain, or the chain and something else.
    /// </summary>
    public static async Task<bool> CarryOverAsync(DbContext db, CancellationToken ct)
    {
        if (!Chains.TryGetValue(MigrationsAssembly(db), out var chain))
        {
            return false;
        }

        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct))
        {
            return false;
        }

        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(row => row.MigrationId).ToList();
        var replaced = applied.Intersect(chain.Replaced).ToList();
        if (replaced.Count == 0)
        {
            return false;
        }

        if (replaced.Count < chain.Replaced.Length)
        {
            throw new InvalidOperationException(
                $"This database was migrated by an older release up to {replaced[^1]} ({replaced.Count} of the {chain.Replaced.Length} " +
                $"migrations this release replaced with one Initial migration, ADR 0093): it cannot be carried over from there. " +
                "Upgrade it with the previous release first (start that release on it once, or run its `migrate` command), then run this release again.");
        }

        if (applied.Count > replaced.Count)
        {
            throw new InvalidOperationException(
                $"The migrations history of this database holds the {chain.Replaced.Length} migrations replaced by {chain.Initial} " +
                $"(ADR 0093) and also {string.Join(", ", applied.Except(replaced))}, which no release applies after them. " +
                "Restore the backup taken before the upgrade, or correct __EFMigrationsHistory by hand.");
        }

        // The schema is the one the new Initial builds (ADR 0093): only the history changes.
        var script = string.Concat(chain.Replaced.Select(history.GetDeleteScript))
            + history.GetInsertScript(new HistoryRow(chain.Initial, ProductInfo.GetVersion()));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(script, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static string MigrationsAssembly(DbContext db) => db.GetService<IMigrationsAssembly>().Assembly.GetName().Name!;
}
