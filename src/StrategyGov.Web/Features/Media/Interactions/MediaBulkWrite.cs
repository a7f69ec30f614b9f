using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>A row of a bulk write: its number as the sender counts it, the institution's own id for the record, and the form as the page fills it.</summary>
public sealed record MediaRowInput<TForm>(int Row, string? ExternalId, TForm Form);

/// <summary>A row refused: the field (its API name), a message key and its arguments.</summary>
public sealed record MediaRowError(int Row, string Field, string Key, params object[] Arguments);

/// <summary>A record a row creates (its id once saved) or changes.</summary>
public sealed record MediaRowChange(int Row, string? ExternalId, string Kind, int? Id);

/// <summary>What a bulk write did, or would do on a dry run: the changes, or every row error and nothing written.</summary>
public sealed record MediaWriteResult(bool DryRun, IReadOnlyList<MediaRowChange> Changes, IReadOnlyList<MediaRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Many rows through a page's own save, in one context and one transaction (ADR 0107): each row is checked and
/// applied as the form would be; a refusal becomes that row's error, with the field it is about; any error
/// and nothing is written. Rows that change nothing are left out of the changes (and not written).
/// </summary>
internal static class MediaBulkWrite
{
    public const int MaxRows = 5_000;

    // The service's refusals that are not the form rules', and the field each one is about.
    private static readonly Dictionary<string, string> FieldOfKey = new(StringComparer.Ordinal)
    {
        ["Media_ParticipantUnknown"] = "journalistIds",
        ["Media_PillarUnknown"] = "pillarId",
        ["Media_CampaignNotOwned"] = "campaignId",
        ["Media_OutletUnknown"] = "outletId",
    };

    public static async Task<MediaWriteResult> RunAsync<TForm, TEntity>(
        IDbContextFactory<StrategyGovDbContext> dbFactory,
        Actor actor,
        IReadOnlyList<MediaRowInput<TForm>> rows,
        bool dryRun,
        Func<StrategyGovDbContext, int, List<string>, Task<Dictionary<string, int>>> existingIds,
        Func<StrategyGovDbContext, int?, MediaRowInput<TForm>, Task<TEntity>> apply,
        Func<TForm, string?> ruleField,
        CancellationToken ct)
        where TEntity : class
    {
        actor.EnsureInstitutionUser();
        if (rows.Count > MaxRows)
        {
            return new MediaWriteResult(dryRun, [], [new MediaRowError(0, string.Empty, "Inquiry_Import_TooManyRows", MaxRows)]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var externalIds = rows.Select(r => r.ExternalId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var existing = await existingIds(db, actor.InstitutionId!.Value, externalIds);
        var errors = new List<MediaRowError>();
        var applied = new List<(MediaRowInput<TForm> Row, TEntity Entity, bool Created)>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ExternalId is { } externalId && !firstRowOf.TryAdd(externalId, row.Row))
            {
                errors.Add(new MediaRowError(row.Row, "externalId", "Api_DuplicateExternalId", externalId, firstRowOf[externalId]));
                continue;
            }

            if (row.ExternalId is { Length: > 100 })
            {
                errors.Add(new MediaRowError(row.Row, "externalId", "Media_TooLong", 100));
                continue;
            }

            int? id = row.ExternalId is { } known && existing.TryGetValue(known, out var found) ? found : null;
            try
            {
                applied.Add((row, await apply(db, id, row), id is null));
            }
            catch (RuleViolationException refused)
            {
                errors.Add(new MediaRowError(row.Row, ruleField(row.Form) ?? FieldOfKey.GetValueOrDefault(refused.Message, string.Empty), refused.Message, refused.Arguments));
            }
            catch (Exception refused) when (refused is NotFoundException or AccessDeniedException)
            {
                // A record named by id that is not the institution's (the coverage of another's interaction).
                errors.Add(new MediaRowError(row.Row, "interactionId", "Api_RowNotFound"));
            }
        }

        if (errors.Count > 0)
        {
            return new MediaWriteResult(dryRun, [], errors);
        }

        // The records that belong to another one (participants) and are added or removed, by the one they belong to.
        db.ChangeTracker.DetectChanges();
        var touched = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .SelectMany(e => e.Metadata.GetForeignKeys().Select(fk => (fk.PrincipalEntityType.ClrType, e.Property(fk.Properties[0].Name).CurrentValue)))
            .ToHashSet();
        var changes = new List<(MediaRowInput<TForm> Row, TEntity Entity, bool Created)>();
        foreach (var item in applied)
        {
            if (item.Created || Changed(db, item.Entity, touched))
            {
                changes.Add(item);
            }
            else
            {
                // Only the time of the change moved: put it back, so that the save leaves the record alone.
                foreach (var property in db.Entry(item.Entity).Properties.Where(p => p.IsModified))
                {
                    property.CurrentValue = property.OriginalValue;
                    property.IsModified = false;
                }
            }
        }

        if (!dryRun && changes.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new MediaWriteResult(
            dryRun,
            changes.Select(c => new MediaRowChange(
                c.Row.Row, c.Row.ExternalId, c.Created ? "Created" : "Updated", dryRun && c.Created ? null : (int)db.Entry(c.Entity).Property("Id").CurrentValue!)).ToList(),
            []);
    }

    /// <summary>A field other than the time of the change differs, or a record that belongs to it (a participant) is added or removed.</summary>
    private static bool Changed(StrategyGovDbContext db, object entity, HashSet<(Type, object?)> touched)
    {
        var entry = db.Entry(entity);
        return entry.Properties.Any(p => p.IsModified && p.Metadata.Name != "UpdatedAt" && !Equals(p.OriginalValue, p.CurrentValue))
            || touched.Contains((entity.GetType(), entry.Property("Id").CurrentValue));
    }
}
