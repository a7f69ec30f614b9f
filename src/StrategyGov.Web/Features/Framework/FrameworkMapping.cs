using StrategyGov.Data.Framework;
using StrategyGov.Data.Seeding;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Features.Framework;

/// <summary>
/// Converts between the stored version, the editor's tree and the JSON shape of seed-data/strategy.json
/// (which is also the export/import format), so a copy, an export and an import are one mapping.
/// </summary>
public static class FrameworkMapping
{
    public static FrameworkTree ToTree(StrategyVersion version, int periodCount, IReadOnlyList<InstitutionTypeOption> types) => new(
        new VersionSummary(version.Id, version.Code, version.Version, version.Status, version.NameAr, version.NameEn,
            version.CreatedAt, version.PublishedAt, version.RetiredAt, periodCount),
        new VersionForm
        {
            Code = version.Code,
            NameAr = version.NameAr,
            NameEn = version.NameEn,
            VisionAr = version.VisionAr,
            VisionEn = version.VisionEn,
            MissionAr = version.MissionAr,
            MissionEn = version.MissionEn,
        },
        version.Pillars.OrderBy(p => p.Order).ThenBy(p => p.Id).Select(pillar => new PillarNode(
            pillar.Id,
            new PillarForm
            {
                Code = pillar.Code,
                NameAr = pillar.NameAr,
                NameEn = pillar.NameEn,
                DescriptionAr = pillar.DescriptionAr,
                DescriptionEn = pillar.DescriptionEn,
                Weight = Normalize(pillar.Weight),
            },
            pillar.Practices.OrderBy(p => p.Order).ThenBy(p => p.Id).Select(practice => new PracticeNode(
                practice.Id,
                new PracticeForm { Code = practice.Code, NameAr = practice.NameAr, NameEn = practice.NameEn, Weight = Normalize(practice.Weight) },
                practice.Indicators.OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => new IndicatorNode(i.Id, ToForm(i))).ToList())).ToList())).ToList(),
        types)
    {
        Bands = version.Bands.OrderBy(b => b.LowerBound)
            .Select(b => new BandSeed(b.Code, Normalize(b.LowerBound), b.NameAr, b.NameEn, b.Color)).ToList(),
    };

    public static IndicatorForm ToForm(Indicator indicator)
    {
        var form = new IndicatorForm
        {
            Code = indicator.Code,
            TextAr = indicator.TextAr,
            TextEn = indicator.TextEn,
            GuidanceAr = indicator.GuidanceAr,
            GuidanceEn = indicator.GuidanceEn,
            Weight = Normalize(indicator.Weight),
            Type = indicator.Type,
            MaturityLevels = indicator.MaturityLevels ?? 5,
            Baseline = indicator.Baseline is { } b ? Normalize(b) : null,
            Target = indicator.Target is { } t ? Normalize(t) : null,
            UnitAr = indicator.UnitAr,
            UnitEn = indicator.UnitEn,
            EvidenceRequired = indicator.EvidenceRequired,
            MinEvidenceItems = indicator.MinEvidenceItems,
            Frequency = indicator.Frequency,
            ComputedFrom = indicator.ComputedFrom,
            Levels = indicator.Levels.OrderBy(l => l.Level)
                .Select(l => new LevelForm { Level = l.Level, DescriptorAr = l.DescriptorAr, DescriptorEn = l.DescriptorEn }).ToList(),
            ApplicableTypes = indicator.ApplicableTypes.Select(t => t.Code).Order(StringComparer.Ordinal).ToList(),
        };
        if (form.Type == MeasurementType.Maturity)
        {
            form.EnsureLevels();
        }

        return form;
    }

    /// <summary>The JSON shape of a tree (version number as given: import and copy decide the new one).</summary>
    public static StrategySeed ToSeed(FrameworkTree tree, int version) => new(
        tree.Header.Code,
        version,
        tree.Header.NameAr,
        tree.Header.NameEn,
        tree.Header.VisionAr,
        tree.Header.VisionEn,
        tree.Header.MissionAr,
        tree.Header.MissionEn,
        tree.Bands,
        tree.Pillars.Select(p => new PillarSeed(
            p.Form.Code, p.Form.NameAr, p.Form.NameEn, p.Form.DescriptionAr, p.Form.DescriptionEn, p.Form.Weight,
            p.Practices.Select(q => new PracticeSeed(
                q.Form.Code, q.Form.NameAr, q.Form.NameEn, q.Form.Weight,
                q.Indicators.Select(i => ToSeed(i.Form)).ToList())).ToList())).ToList());

    public static IndicatorSeed ToSeed(IndicatorForm form)
    {
        var maturity = form.Type == MeasurementType.Maturity;
        var target = form.IsTarget;
        return new IndicatorSeed(
            form.Code,
            form.TextAr,
            form.TextEn,
            form.GuidanceAr,
            form.GuidanceEn,
            form.Weight,
            form.Type,
            new EvidenceSeed(form.EvidenceRequired, form.MinEvidenceItems),
            form.ApplicableTypes.Count == 0 ? null : form.ApplicableTypes,
            form.Frequency,
            maturity ? LevelsOf(form) : null,
            target ? form.Baseline : null,
            target ? form.Target : null,
            form.UnitAr,
            form.UnitEn,
            string.IsNullOrWhiteSpace(form.ComputedFrom) ? null : form.ComputedFrom);
    }

    /// <summary>
    /// An imported framework as a tree for the validator. Ids are positions in document order, so an
    /// issue's node can be turned back into the JSON path that <paramref name="paths"/> records.
    /// </summary>
    public static FrameworkTree ToTree(StrategySeed seed, IReadOnlyList<InstitutionTypeOption> types, Dictionary<NodeRef, string> paths)
    {
        var nextId = 0;
        NodeRef Remember(NodeKind kind, string code, string path)
        {
            var node = new NodeRef(kind, ++nextId, code);
            paths[node] = path;
            return node;
        }

        var versionNode = Remember(NodeKind.Version, seed.Code ?? string.Empty, "$");
        var pillars = (seed.Pillars ?? []).Select((pillar, p) =>
        {
            var pillarNode = Remember(NodeKind.Pillar, pillar.Code, $"$.pillars[{p}]");
            var practices = (pillar.Practices ?? []).Select((practice, q) =>
            {
                var practiceNode = Remember(NodeKind.Practice, practice.Code, $"$.pillars[{p}].practices[{q}]");
                var indicators = (practice.Indicators ?? []).Select((indicator, i) =>
                {
                    var node = Remember(NodeKind.Indicator, indicator.Code, $"$.pillars[{p}].practices[{q}].indicators[{i}]");
                    return new IndicatorNode(node.Id, ToForm(indicator));
                }).ToList();
                return new PracticeNode(practiceNode.Id, new PracticeForm
                {
                    Code = practice.Code,
                    NameAr = practice.NameAr,
                    NameEn = practice.NameEn,
                    Weight = practice.Weight,
                }, indicators);
            }).ToList();
            return new PillarNode(pillarNode.Id, new PillarForm
            {
                Code = pillar.Code,
                NameAr = pillar.NameAr,
                NameEn = pillar.NameEn,
                DescriptionAr = pillar.DescriptionAr,
                DescriptionEn = pillar.DescriptionEn,
                Weight = pillar.Weight,
            }, practices);
        }).ToList();

        return new FrameworkTree(
            new VersionSummary(versionNode.Id, seed.Code ?? string.Empty, seed.Version, StrategyStatus.Draft, seed.NameAr, seed.NameEn, default, null, null, 0),
            new VersionForm
            {
                Code = seed.Code ?? string.Empty,
                NameAr = seed.NameAr,
                NameEn = seed.NameEn,
                VisionAr = seed.VisionAr,
                VisionEn = seed.VisionEn,
                MissionAr = seed.MissionAr,
                MissionEn = seed.MissionEn,
            },
            pillars,
            types)
        {
            // A file written before bands had colours gets each standard band's colour (grey for others).
            Bands = (seed.Bands ?? []).Select(b => b with
            {
                Color = b.Color is null ? MaturityBandDefinition.DefaultColor(b.Code) : BandColors.Normalize(b.Color),
            }).ToList(),
        };
    }

    private static IndicatorForm ToForm(IndicatorSeed seed)
    {
        var form = new IndicatorForm
        {
            Code = seed.Code,
            TextAr = seed.TextAr,
            TextEn = seed.TextEn,
            GuidanceAr = seed.GuidanceAr,
            GuidanceEn = seed.GuidanceEn,
            Weight = seed.Weight,
            Type = seed.Type,
            Baseline = seed.Baseline,
            Target = seed.Target,
            UnitAr = seed.UnitAr,
            UnitEn = seed.UnitEn,
            EvidenceRequired = seed.Evidence?.Required ?? false,
            MinEvidenceItems = seed.Evidence?.MinItems ?? 0,
            Frequency = seed.Frequency,
            ComputedFrom = seed.ComputedFrom,
            Levels = (seed.MaturityLevels ?? [])
                .Select(l => new LevelForm { Level = l.Level, DescriptorAr = l.DescriptorAr, DescriptorEn = l.DescriptorEn }).ToList(),
            ApplicableTypes = [.. seed.AppliesTo ?? []],
        };
        form.MaturityLevels = form.Levels.Count == 0 ? 0 : form.Levels.Max(l => l.Level);
        return form;
    }

    // Levels 0..L, an empty descriptor where one is missing, so L survives an export and import.
    private static List<MaturityLevelSeed> LevelsOf(IndicatorForm form)
    {
        var byLevel = form.Levels.GroupBy(l => l.Level).ToDictionary(g => g.Key, g => g.First());
        return Enumerable.Range(0, Math.Max(form.MaturityLevels, 0) + 1)
            .Select(level => byLevel.TryGetValue(level, out var l)
                ? new MaturityLevelSeed(level, l.DescriptorAr, l.DescriptorEn)
                : new MaturityLevelSeed(level, string.Empty, string.Empty))
            .ToList();
    }

    /// <summary>The same value without trailing zeros (SQLite hands back 15.0 for 15): exports read as written.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
