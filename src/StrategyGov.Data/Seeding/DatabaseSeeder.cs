using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Data.Seeding;

/// <summary>
/// Fills an empty database from seed-data/: the strategy, institution types, institutions and periods.
/// Runs once: a database that already holds a strategy is left alone. The thousands of seeded rows are
/// not audited one by one: the seed is recorded as one "system" event with the counts (ADR 0080).
/// </summary>
public static class DatabaseSeeder
{
    public static async Task<bool> SeedAsync(StrategyGovDbContext db, SeedDataSet data, DateTime utcNow, CancellationToken ct)
    {
        if (await db.StrategyVersions.AnyAsync(ct))
        {
            return false;
        }

        db.Audit.Suppressed = true;

        var types = data.InstitutionTypes.ToDictionary(
            t => t.Code,
            t => new InstitutionType { Code = t.Code, NameAr = t.NameAr, NameEn = t.NameEn, Order = t.Order });
        db.InstitutionTypes.AddRange(types.Values);

        var strategy = ToEntity(data.Strategy, types, StrategyStatus.Published, utcNow);
        db.StrategyVersions.Add(strategy);

        var institutions = new Dictionary<string, Institution>();
        foreach (var seed in data.Institutions)
        {
            institutions[seed.Code] = new Institution
            {
                Code = seed.Code,
                NameAr = seed.NameAr,
                NameEn = seed.NameEn,
                Type = types.TryGetValue(seed.Type, out var type)
                    ? type
                    : throw new InvalidDataException($"institutions.json: {seed.Code} has unknown type '{seed.Type}'."),
                IsActive = seed.Active,
            };
        }

        foreach (var seed in data.Institutions.Where(i => i.Parent is not null))
        {
            institutions[seed.Code].Parent = institutions.TryGetValue(seed.Parent!, out var parent)
                ? parent
                : throw new InvalidDataException($"institutions.json: {seed.Code} has unknown parent '{seed.Parent}'.");
        }

        db.Institutions.AddRange(institutions.Values);

        var periods = new List<(ReportingPeriod Period, PeriodSeed Seed)>();
        foreach (var seed in data.Periods)
        {
            if (seed.Strategy != strategy.Code || seed.StrategyVersion != strategy.Version)
            {
                throw new InvalidDataException($"periods.json: {seed.Code} refers to an unknown strategy version.");
            }

            var period = new ReportingPeriod
            {
                Code = seed.Code,
                StrategyVersion = strategy,
                OpensOn = seed.OpensOn,
                DueOn = seed.DueOn,
                ClosesOn = seed.ClosesOn,
                Status = seed.Status,
                PublishedAt = seed.Status == PeriodStatus.Published ? seed.ClosesOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(7) : null,
            };
            db.Periods.Add(period);
            periods.Add((period, seed));
        }

        await db.SaveChangesAsync(ct);

        // An open (or later) period has a submission for every active institution, as opening does.
        var indicators = strategy.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).ToList();
        foreach (var (period, seed) in periods.Where(p => p.Period.Status != PeriodStatus.Planned))
        {
            var activity = seed.DemoActivity ? new DemoActivity(period, indicators, seed.Code, utcNow) : null;
            foreach (var institution in institutions.Values.Where(i => i.IsActive))
            {
                var submission = new Submission
                {
                    Institution = institution,
                    Period = period,
                    Status = SubmissionStatus.Draft,
                    CreatedAt = period.OpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    LastActivityAt = period.OpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                };
                activity?.Fill(submission);
                db.Submissions.Add(submission);
            }
        }

        await db.SaveChangesAsync(ct);
        db.Audit.Suppressed = false;
        await RecordSeedAsync(db, utcNow, ct);
        return true;
    }

    private static async Task RecordSeedAsync(StrategyGovDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["StrategyVersions"] = await db.StrategyVersions.CountAsync(ct),
            ["Indicators"] = await db.Indicators.CountAsync(ct),
            ["Institutions"] = await db.Institutions.CountAsync(ct),
            ["Periods"] = await db.Periods.CountAsync(ct),
            ["Submissions"] = await db.Submissions.CountAsync(ct),
            ["Answers"] = await db.Answers.CountAsync(ct),
        };
        await AuditChain.AppendAsync(db, [new AuditEvent
        {
            OccurredAt = AuditChain.ToStoredPrecision(utcNow),
            ActorName = AuditIdentity.SystemName,
            EntityType = "Database",
            EntityKey = "seed",
            Action = AuditAction.Recorded,
            After = JsonSerializer.Serialize(counts),
            Reason = $"Initial data from {SeedDataReader.DirectoryName}/",
            PreviousHash = AuditChain.GenesisHash,
            Hash = string.Empty,
        }], ct);
    }

    /// <summary>
    /// A strategy version from its JSON shape (the seed file, or a framework exported from the app);
    /// display orders follow the order of the lists. Unknown institution types throw.
    /// </summary>
    public static StrategyVersion ToEntity(StrategySeed seed, IReadOnlyDictionary<string, InstitutionType> types, StrategyStatus status, DateTime utcNow)
    {
        return new StrategyVersion
        {
            Code = seed.Code,
            Version = seed.Version,
            Status = status,
            NameAr = seed.NameAr,
            NameEn = seed.NameEn,
            VisionAr = seed.VisionAr,
            VisionEn = seed.VisionEn,
            MissionAr = seed.MissionAr,
            MissionEn = seed.MissionEn,
            CreatedAt = utcNow,
            PublishedAt = status == StrategyStatus.Draft ? null : utcNow,
            Bands = seed.Bands
                .Select(b => new MaturityBandDefinition { Code = b.Code, LowerBound = b.LowerBound, NameAr = b.NameAr, NameEn = b.NameEn, Color = b.Color ?? MaturityBandDefinition.DefaultColor(b.Code) })
                .ToList(),
            Pillars = seed.Pillars.Select((pillar, p) => new Pillar
            {
                Code = pillar.Code,
                NameAr = pillar.NameAr,
                NameEn = pillar.NameEn,
                DescriptionAr = pillar.DescriptionAr,
                DescriptionEn = pillar.DescriptionEn,
                Weight = pillar.Weight,
                Order = p + 1,
                Practices = pillar.Practices.Select((practice, q) => new Practice
                {
                    Code = practice.Code,
                    NameAr = practice.NameAr,
                    NameEn = practice.NameEn,
                    Weight = practice.Weight,
                    Order = q + 1,
                    Indicators = practice.Indicators.Select((indicator, i) => ToEntity(indicator, i + 1, types)).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    private static Indicator ToEntity(IndicatorSeed seed, int order, IReadOnlyDictionary<string, InstitutionType> types) => new()
    {
        Code = seed.Code,
        TextAr = seed.TextAr,
        TextEn = seed.TextEn,
        GuidanceAr = seed.GuidanceAr,
        GuidanceEn = seed.GuidanceEn,
        Weight = seed.Weight,
        Order = order,
        Type = seed.Type,
        MaturityLevels = seed.MaturityLevels is { Count: > 0 } levels ? levels.Max(l => l.Level) : null,
        Baseline = seed.Baseline,
        Target = seed.Target,
        UnitAr = seed.UnitAr,
        UnitEn = seed.UnitEn,
        EvidenceRequired = seed.Evidence?.Required ?? false,
        MinEvidenceItems = seed.Evidence?.MinItems ?? 0,
        Frequency = seed.Frequency,
        ComputedFrom = seed.ComputedFrom,
        Levels = (seed.MaturityLevels ?? [])
            .Select(l => new MaturityLevelDescriptor { Level = l.Level, DescriptorAr = l.DescriptorAr, DescriptorEn = l.DescriptorEn })
            .ToList(),
        ApplicableTypes = (seed.AppliesTo ?? [])
            .Select(code => types.TryGetValue(code, out var type)
                ? type
                : throw new InvalidDataException($"strategy.json: {seed.Code} applies to unknown type '{code}'."))
            .ToList(),
    };
}
