using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Media;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Journalists;

/// <summary>
/// The national register of journalists and outlets (ADR 0099). Shared across government: the center,
/// officials and institution users read it (officials without contacts); institution users propose entries
/// and edit their own institution's proposals until the center verifies them; the center curates (verifies,
/// records accreditation, merges duplicates). Who deals with whom is the center's and officials' view.
/// </summary>
public sealed class JournalistService(IDbContextFactory<StrategyGovDbContext> dbFactory, IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public DateOnly Today => platform.Value.Today(clock);

    /// <summary>The register: every entry but those merged away, filtered; each with the entries it may duplicate.</summary>
    public async Task<IReadOnlyList<JournalistRow>> ListAsync(Actor actor, JournalistFilter filter, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Journalists.AsNoTracking().Where(j => j.Status != RegisterStatus.Merged);
        if (filter.OutletId is { } outletId)
        {
            query = query.Where(j => j.OutletId == outletId);
        }

        if (filter.Beat is { } beat)
        {
            query = query.Where(j => j.Beat == beat);
        }

        if (filter.Role is { } role)
        {
            query = query.Where(j => j.Role == role);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(j => j.Status == status);
        }

        var register = await RegisterKeysAsync(db, ct);
        var rows = (await Project(query).ToListAsync(ct)).Select(j => ToRow(actor, j, register)).ToList();

        // Searched in memory: matching Arabic names the way people write them is not portable SQL.
        var search = MediaNames.Key(filter.Search);
        var plain = filter.Search?.Trim();
        return rows
            .Where(r => filter.Accreditation is null || r.Accreditation == filter.Accreditation)
            .Where(r => string.IsNullOrEmpty(plain)
                || MediaNames.Key(r.NameAr).Contains(search, StringComparison.Ordinal)
                || (r.NameEn ?? string.Empty).Contains(plain, StringComparison.OrdinalIgnoreCase)
                || (r.Outlet is { } o && (o.NameAr.Contains(plain, StringComparison.Ordinal) || o.NameEn.Contains(plain, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(r => r.NameAr, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<JournalistDetail> GetAsync(Actor actor, int id, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await Project(db.Journalists.AsNoTracking().Where(j => j.Id == id && j.Status != RegisterStatus.Merged)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var row = ToRow(actor, found, await RegisterKeysAsync(db, ct));

        // An institution user reads only its own institution's dealings with the journalist.
        var interactions = db.InteractionParticipants.AsNoTracking()
            .Where(p => p.JournalistId == id)
            .Where(p => actor.SeesAllInstitutions || p.InstitutionId == actor.InstitutionId)
            .Select(p => p.Interaction);
        var list = await interactions
            .Select(i => new JournalistInteraction(i.Id, new InstitutionRef(i.InstitutionId, i.Institution.Code, i.Institution.NameAr, i.Institution.NameEn), i.Kind, i.OccurredOn, i.Topic))
            .ToListAsync(ct);
        list = list.DistinctBy(i => i.Id).OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).ToList();

        var duplicates = row.PossibleDuplicateIds.Count == 0 ? [] : (await Project(db.Journalists.AsNoTracking().Where(j => row.PossibleDuplicateIds.Contains(j.Id))).ToListAsync(ct))
            .Select(j => ToRow(actor, j, [])).ToList();
        return new JournalistDetail(row, actor.SeesAllInstitutions ? Relate(list) : null, list, duplicates, actor.IsCenter);
    }

    /// <summary>Who deals with whom: every journalist an institution dealt with, and how (center and officials only).</summary>
    public async Task<IReadOnlyList<JournalistRelations>> RelationsAsync(Actor actor, int? institutionId, MediaBeat? beat, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participants = await db.InteractionParticipants.AsNoTracking()
            .Where(p => p.JournalistId != null)
            .Select(p => new
            {
                JournalistId = p.JournalistId!.Value,
                Interaction = new JournalistInteraction(p.InteractionId, new InstitutionRef(p.Interaction.InstitutionId, p.Interaction.Institution.Code, p.Interaction.Institution.NameAr, p.Interaction.Institution.NameEn),
                    p.Interaction.Kind, p.Interaction.OccurredOn, p.Interaction.Topic),
            })
            .ToListAsync(ct);
        var journalists = await Project(db.Journalists.AsNoTracking().Where(j => j.Status != RegisterStatus.Merged)).ToDictionaryAsync(j => j.Id, ct);
        return participants
            .GroupBy(p => p.JournalistId)
            .Where(g => journalists.ContainsKey(g.Key))
            .Select(g =>
            {
                var j = journalists[g.Key];
                return new JournalistRelations(j.Id, j.NameAr, j.NameEn, j.Outlet, j.Beat, Relate(g.Select(p => p.Interaction).DistinctBy(i => i.Id).ToList()));
            })
            .Where(r => institutionId is null || r.Institutions.Any(i => i.Institution.Id == institutionId))
            .Where(r => beat is null || r.Beat == beat)
            .OrderByDescending(r => r.Institutions.Count).ThenByDescending(r => r.Total).ThenBy(r => r.NameAr, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<JournalistForm> GetFormAsync(Actor actor, int id, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var j = await db.Journalists.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        EnsureCanEdit(actor, j.Status, j.ProposedByInstitutionId);
        return new JournalistForm
        {
            NameAr = j.NameAr,
            NameEn = j.NameEn,
            OutletId = j.OutletId,
            Role = j.Role,
            Position = j.Position,
            Beat = j.Beat,
            Email = j.Email,
            Phone = j.Phone,
            Handle = j.Handle,
            PreferredChannel = j.PreferredChannel,
            Languages = j.Languages,
            AccreditationNumber = j.AccreditationNumber,
            AccreditedUntil = j.AccreditedUntil,
        };
    }

    /// <summary>
    /// Proposes (an institution user), enters (the center, verified at once) or changes a journalist; an entry
    /// with the same name at the same outlet is a duplicate and refused, naming it.
    /// </summary>
    public async Task<int> SaveAsync(Actor actor, int? id, JournalistForm form, CancellationToken ct)
    {
        Actor.Ensure(actor.IsCenter || actor.IsInstitutionUser);
        if (RegisterRules.Check(form).FirstOrDefault() is { } problem)
        {
            throw new RuleViolationException(problem.MessageKey, problem.Arguments);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var journalist = id is null ? null
            : await db.Journalists.SingleOrDefaultAsync(j => j.Id == id && j.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        if (journalist is not null)
        {
            EnsureCanEdit(actor, journalist.Status, journalist.ProposedByInstitutionId);
        }

        if (form.OutletId is { } outletId && !await db.MediaOutlets.AnyAsync(o => o.Id == outletId && o.Status != RegisterStatus.Merged, ct))
        {
            throw new RuleViolationException("Media_OutletUnknown");
        }

        var key = MediaNames.Key(form.NameAr);
        var duplicate = await db.Journalists.AsNoTracking()
            .Where(j => j.Id != id && j.Status != RegisterStatus.Merged && j.NameKey == key && j.OutletId == form.OutletId)
            .Select(j => j.NameAr)
            .FirstOrDefaultAsync(ct);
        if (duplicate is not null)
        {
            throw new RuleViolationException("Media_JournalistDuplicate", duplicate);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (journalist is null)
        {
            journalist = new Journalist
            {
                NameAr = string.Empty,
                NameKey = string.Empty,
                Status = actor.IsCenter ? RegisterStatus.Verified : RegisterStatus.Proposed,
                ProposedByInstitutionId = actor.IsCenter ? null : actor.InstitutionId,
                CreatedAt = now,
                VerifiedAt = actor.IsCenter ? now : null,
            };
            db.Journalists.Add(journalist);
        }

        Apply(journalist, form, curate: actor.IsCenter);
        journalist.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return journalist.Id;
    }

    internal static void Apply(Journalist journalist, JournalistForm form, bool curate)
    {
        journalist.NameAr = form.NameAr.Trim();
        journalist.NameKey = MediaNames.Key(form.NameAr);
        journalist.NameEn = MediaInput.Clean(form.NameEn);
        journalist.OutletId = form.OutletId;
        journalist.Role = form.Role;
        journalist.Position = MediaInput.Clean(form.Position);
        journalist.Beat = form.Beat;
        journalist.Email = MediaInput.Clean(form.Email);
        journalist.Phone = MediaInput.Clean(MediaInput.Digits(form.Phone));
        journalist.Handle = MediaInput.Clean(form.Handle);
        journalist.PreferredChannel = form.PreferredChannel;
        journalist.Languages = form.Languages.Distinct().Order().ToList();
        if (curate)
        {
            journalist.AccreditationNumber = MediaInput.Clean(form.AccreditationNumber);
            journalist.AccreditedUntil = journalist.AccreditationNumber is null ? null : form.AccreditedUntil;
        }
    }

    /// <summary>The center verifies a proposed entry: from now on only the center changes it.</summary>
    public async Task VerifyAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var journalist = await db.Journalists.SingleOrDefaultAsync(j => j.Id == id && j.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        journalist.Status = RegisterStatus.Verified;
        journalist.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        journalist.UpdatedAt = journalist.VerifiedAt.Value;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The center merges a duplicate into the entry that stays: every interaction that named the duplicate
    /// names the survivor (each change audited); the duplicate is kept, marked merged, and no longer listed.
    /// Contacts the survivor lacks are taken from the duplicate.
    /// </summary>
    public async Task MergeAsync(Actor actor, int duplicateId, int survivorId, CancellationToken ct)
    {
        actor.EnsureCenter();
        if (duplicateId == survivorId)
        {
            throw new RuleViolationException("Media_MergeSame");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, $"Merged journalist {duplicateId} into {survivorId}");
        var pair = await db.Journalists.Where(j => (j.Id == duplicateId || j.Id == survivorId) && j.Status != RegisterStatus.Merged).ToListAsync(ct);
        var duplicate = pair.SingleOrDefault(j => j.Id == duplicateId) ?? throw new NotFoundException();
        var survivor = pair.SingleOrDefault(j => j.Id == survivorId) ?? throw new NotFoundException();
        foreach (var participant in await db.InteractionParticipants.Where(p => p.JournalistId == duplicateId).ToListAsync(ct))
        {
            participant.JournalistId = survivorId;
        }

        survivor.NameEn ??= duplicate.NameEn;
        survivor.Email ??= duplicate.Email;
        survivor.Phone ??= duplicate.Phone;
        survivor.Handle ??= duplicate.Handle;
        survivor.Position ??= duplicate.Position;
        survivor.PreferredChannel ??= duplicate.PreferredChannel;
        survivor.Languages = survivor.Languages.Union(duplicate.Languages).Order().ToList();
        if (survivor.AccreditationNumber is null && duplicate.AccreditationNumber is not null)
        {
            survivor.AccreditationNumber = duplicate.AccreditationNumber;
            survivor.AccreditedUntil = duplicate.AccreditedUntil;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        survivor.UpdatedAt = now;
        duplicate.Status = RegisterStatus.Merged;
        duplicate.MergedIntoId = survivorId;
        duplicate.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes an entry nobody has dealt with yet: the center any, an institution its own proposal.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        Actor.Ensure(actor.IsCenter || actor.IsInstitutionUser);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var journalist = await db.Journalists.SingleOrDefaultAsync(j => j.Id == id && j.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        EnsureCanEdit(actor, journalist.Status, journalist.ProposedByInstitutionId);
        if (await db.InteractionParticipants.AnyAsync(p => p.JournalistId == id, ct) || await db.Journalists.AnyAsync(j => j.MergedIntoId == id, ct))
        {
            throw new RuleViolationException("Media_InUse");
        }

        db.Journalists.Remove(journalist);
        await db.SaveChangesAsync(ct);
    }

    // Outlets.

    public async Task<IReadOnlyList<OutletRow>> ListOutletsAsync(Actor actor, string? search, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outlets = await db.MediaOutlets.AsNoTracking().Where(o => o.Status != RegisterStatus.Merged)
            .Select(o => new
            {
                o.Id, o.NameAr, o.NameEn, o.NameKey, o.Kind, o.Website, o.Status, o.ProposedByInstitutionId,
                ProposedBy = o.ProposedByInstitution == null ? null : new InstitutionRef(o.ProposedByInstitution.Id, o.ProposedByInstitution.Code, o.ProposedByInstitution.NameAr, o.ProposedByInstitution.NameEn),
                Journalists = db.Journalists.Count(j => j.OutletId == o.Id && j.Status != RegisterStatus.Merged),
            })
            .ToListAsync(ct);
        var text = search?.Trim();
        var key = MediaNames.Key(search);
        return outlets
            .Where(o => string.IsNullOrEmpty(text) || o.NameKey.Contains(key, StringComparison.Ordinal) || o.NameEn.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(o => new OutletRow(o.Id, o.NameAr, o.NameEn, o.Kind, o.Website, o.Status, o.ProposedBy, o.Journalists,
                CanEdit(actor, o.Status, o.ProposedByInstitutionId),
                outlets.Where(other => other.Id != o.Id && (other.NameKey == o.NameKey || string.Equals(other.NameEn, o.NameEn, StringComparison.OrdinalIgnoreCase))).Select(other => other.Id).ToList()))
            .OrderBy(o => o.NameAr, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<OutletForm> GetOutletFormAsync(Actor actor, int id, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outlet = await db.MediaOutlets.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        EnsureCanEdit(actor, outlet.Status, outlet.ProposedByInstitutionId);
        return new OutletForm { NameAr = outlet.NameAr, NameEn = outlet.NameEn, Kind = outlet.Kind, Website = outlet.Website };
    }

    public async Task<int> SaveOutletAsync(Actor actor, int? id, OutletForm form, CancellationToken ct)
    {
        Actor.Ensure(actor.IsCenter || actor.IsInstitutionUser);
        if (RegisterRules.Check(form).FirstOrDefault() is { } problem)
        {
            throw new RuleViolationException(problem.MessageKey, problem.Arguments);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var outlet = id is null ? null
            : await db.MediaOutlets.SingleOrDefaultAsync(o => o.Id == id && o.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        if (outlet is not null)
        {
            EnsureCanEdit(actor, outlet.Status, outlet.ProposedByInstitutionId);
        }

        var key = MediaNames.Key(form.NameAr);
        var english = form.NameEn.Trim();
        var duplicate = (await db.MediaOutlets.AsNoTracking()
                .Where(o => o.Id != id && o.Status != RegisterStatus.Merged)
                .Select(o => new { o.NameAr, o.NameKey, o.NameEn })
                .ToListAsync(ct))
            .FirstOrDefault(o => o.NameKey == key || string.Equals(o.NameEn, english, StringComparison.OrdinalIgnoreCase));
        if (duplicate is not null)
        {
            throw new RuleViolationException("Media_OutletDuplicate", duplicate.NameAr);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (outlet is null)
        {
            outlet = new MediaOutlet
            {
                NameAr = string.Empty,
                NameEn = string.Empty,
                NameKey = string.Empty,
                Status = actor.IsCenter ? RegisterStatus.Verified : RegisterStatus.Proposed,
                ProposedByInstitutionId = actor.IsCenter ? null : actor.InstitutionId,
                CreatedAt = now,
            };
            db.MediaOutlets.Add(outlet);
        }

        Apply(outlet, form);
        outlet.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return outlet.Id;
    }

    internal static void Apply(MediaOutlet outlet, OutletForm form)
    {
        outlet.NameAr = form.NameAr.Trim();
        outlet.NameKey = MediaNames.Key(form.NameAr);
        outlet.NameEn = form.NameEn.Trim();
        outlet.Kind = form.Kind;
        outlet.Website = MediaInput.Clean(form.Website);
    }

    public async Task VerifyOutletAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var outlet = await db.MediaOutlets.SingleOrDefaultAsync(o => o.Id == id && o.Status != RegisterStatus.Merged, ct) ?? throw new NotFoundException();
        outlet.Status = RegisterStatus.Verified;
        outlet.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges a duplicate outlet: its journalists, participations and coverage move to the survivor.</summary>
    public async Task MergeOutletAsync(Actor actor, int duplicateId, int survivorId, CancellationToken ct)
    {
        actor.EnsureCenter();
        if (duplicateId == survivorId)
        {
            throw new RuleViolationException("Media_MergeSame");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, $"Merged outlet {duplicateId} into {survivorId}");
        var pair = await db.MediaOutlets.Where(o => (o.Id == duplicateId || o.Id == survivorId) && o.Status != RegisterStatus.Merged).ToListAsync(ct);
        var duplicate = pair.SingleOrDefault(o => o.Id == duplicateId) ?? throw new NotFoundException();
        _ = pair.SingleOrDefault(o => o.Id == survivorId) ?? throw new NotFoundException();
        foreach (var journalist in await db.Journalists.Where(j => j.OutletId == duplicateId).ToListAsync(ct))
        {
            journalist.OutletId = survivorId;
        }

        foreach (var participant in await db.InteractionParticipants.Where(p => p.OutletId == duplicateId).ToListAsync(ct))
        {
            participant.OutletId = survivorId;
        }

        foreach (var coverage in await db.MediaCoverage.Where(c => c.OutletId == duplicateId).ToListAsync(ct))
        {
            coverage.OutletId = survivorId;
        }

        duplicate.Status = RegisterStatus.Merged;
        duplicate.MergedIntoId = survivorId;
        duplicate.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The outlets to choose from in forms (not merged), by Arabic name.</summary>
    public async Task<IReadOnlyList<OutletRef>> OutletChoicesAsync(Actor actor, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.MediaOutlets.AsNoTracking().Where(o => o.Status != RegisterStatus.Merged)
                .Select(o => new OutletRef(o.Id, o.NameAr, o.NameEn)).ToListAsync(ct))
            .OrderBy(o => o.NameAr, StringComparer.Ordinal).ToList();
    }

    /// <summary>The journalists to choose from in forms (not merged), with their outlet.</summary>
    public async Task<IReadOnlyList<JournalistChoice>> JournalistChoicesAsync(Actor actor, CancellationToken ct)
    {
        EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Journalists.AsNoTracking().Where(j => j.Status != RegisterStatus.Merged)
                .Select(j => new JournalistChoice(j.Id, j.NameAr, j.NameEn, j.Outlet == null ? null : j.Outlet.NameAr, j.Outlet == null ? null : j.Outlet.NameEn))
                .ToListAsync(ct))
            .OrderBy(j => j.NameAr, StringComparer.Ordinal).ToList();
    }

    /// <summary>The register is read by the center, officials and institution users (not by machine tokens).</summary>
    internal static void EnsureCanRead(Actor actor) => Actor.Ensure(actor.SeesAllInstitutions || actor.IsInstitutionUser);

    /// <summary>Seen but not the actor's to change → 403: the center any entry, an institution its own proposals until verified.</summary>
    private static void EnsureCanEdit(Actor actor, RegisterStatus status, int? proposedBy) => Actor.Ensure(CanEdit(actor, status, proposedBy));

    private static bool CanEdit(Actor actor, RegisterStatus status, int? proposedBy) =>
        actor.IsCenter || (status == RegisterStatus.Proposed && proposedBy is { } institution && actor.IsMemberOf(institution));

    private static async Task<IReadOnlyList<(int Id, string NameKey, int? OutletId)>> RegisterKeysAsync(StrategyGovDbContext db, CancellationToken ct) =>
        (await db.Journalists.AsNoTracking().Where(j => j.Status != RegisterStatus.Merged)
            .Select(j => new { j.Id, j.NameKey, j.OutletId }).ToListAsync(ct))
        .Select(j => (j.Id, j.NameKey, j.OutletId)).ToList();

    private static IQueryable<JournalistData> Project(IQueryable<Journalist> journalists) =>
        journalists.Select(j => new JournalistData(
            j.Id, j.NameAr, j.NameEn, j.NameKey,
            j.Outlet == null ? null : new OutletRef(j.Outlet.Id, j.Outlet.NameAr, j.Outlet.NameEn),
            j.Role, j.Position, j.Beat, j.Email, j.Phone, j.Handle, j.PreferredChannel, j.Languages, j.AccreditationNumber, j.AccreditedUntil, j.Status,
            j.ProposedByInstitution == null ? null : new InstitutionRef(j.ProposedByInstitution.Id, j.ProposedByInstitution.Code, j.ProposedByInstitution.NameAr, j.ProposedByInstitution.NameEn)));

    private JournalistRow ToRow(Actor actor, JournalistData j, IReadOnlyList<(int Id, string NameKey, int? OutletId)> register) => new(
        j.Id, j.NameAr, j.NameEn, j.Outlet, j.Role, j.Position, j.Beat,
        actor.IsCenter || actor.IsInstitutionUser ? new JournalistContacts(j.Email, j.Phone, j.Handle, j.PreferredChannel) : null,
        j.Languages, j.AccreditationNumber, j.AccreditedUntil, RegisterRules.Accreditation(j.AccreditationNumber, j.AccreditedUntil, Today), j.Status, j.ProposedBy,
        CanEdit(actor, j.Status, j.ProposedBy?.Id),
        register.Where(r => r.Id != j.Id && r.OutletId == j.Outlet?.Id && (r.NameKey == j.NameKey || MediaNames.PossiblySame(r.NameKey, j.NameKey))).Select(r => r.Id).ToList());

    private static IReadOnlyList<InstitutionRelation> Relate(IReadOnlyList<JournalistInteraction> interactions) => interactions
        .GroupBy(i => i.Institution.Id)
        .Select(g => new InstitutionRelation(
            g.First().Institution, g.Count(), g.Max(i => i.OccurredOn),
            g.GroupBy(i => i.Kind).ToDictionary(k => k.Key, k => k.Count())))
        .OrderByDescending(r => r.Interactions).ThenBy(r => r.Institution.Code, StringComparer.Ordinal)
        .ToList();

    private sealed record JournalistData(
        int Id, string NameAr, string? NameEn, string NameKey, OutletRef? Outlet, JournalistRole Role, string? Position, MediaBeat Beat,
        string? Email, string? Phone, string? Handle, ContactChannel? PreferredChannel, List<MediaLanguage> Languages,
        string? AccreditationNumber, DateOnly? AccreditedUntil, RegisterStatus Status, InstitutionRef? ProposedBy);
}

public sealed record JournalistChoice(int Id, string NameAr, string? NameEn, string? OutletAr, string? OutletEn);
