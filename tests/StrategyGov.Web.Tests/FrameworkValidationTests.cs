using StrategyGov.Data.Framework;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Framework;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The publishing rules over small hand-made trees (each rule broken once, pointing at the right node),
/// and the weight view against shares computed by hand.
/// </summary>
public sealed class FrameworkValidationTests
{
    [Fact]
    public void Validate_SmallValidTree_HasNoIssue()
    {
        var tree = SmallTree();

        var issues = FrameworkValidator.Validate(tree);

        Assert.Empty(issues);
    }

    public static TheoryData<string, string, NodeKind, int> BrokenRules() => new()
    {
        { "pillar without practices", "PillarWithoutPractices", NodeKind.Pillar, 3 },
        { "practice without indicators", "PracticeWithoutIndicators", NodeKind.Practice, 13 },
        { "zero weight", "WeightNotPositive", NodeKind.Indicator, 102 },
        { "negative weight", "WeightNotPositive", NodeKind.Practice, 11 },
        { "duplicate code across levels", "CodeDuplicate", NodeKind.Indicator, 103 },
        { "empty code", "CodeMissing", NodeKind.Indicator, 101 },
        { "Arabic name missing", "ArabicMissing", NodeKind.Pillar, 1 },
        { "English text missing", "EnglishMissing", NodeKind.Indicator, 104 },
        { "guidance in one language only", "EnglishMissing", NodeKind.Indicator, 101 },
        { "target equals baseline", "TargetEqualsBaseline", NodeKind.Indicator, 104 },
        { "higher is better with target below baseline", "TargetNotAboveBaseline", NodeKind.Indicator, 104 },
        { "lower is better with target above baseline", "TargetNotBelowBaseline", NodeKind.Indicator, 105 },
        { "target missing", "TargetMissing", NodeKind.Indicator, 105 },
        { "maturity level without descriptor", "MaturityDescriptorMissing", NodeKind.Indicator, 103 },
        { "no maturity levels", "MaturityLevelsOutOfRange", NodeKind.Indicator, 103 },
        { "required evidence with no items", "EvidenceCountInvalid", NodeKind.Indicator, 102 },
        { "unknown institution type", "UnknownInstitutionType", NodeKind.Indicator, 102 },
        { "computed from an unknown calculation", "ComputedSourceUnknown", NodeKind.Indicator, 101 },
        { "computed from a calculation that measures something else", "ComputedSourceMismatch", NodeKind.Indicator, 101 },
        { "computed and requiring evidence files", "ComputedRequiresEvidence", NodeKind.Indicator, 102 },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_RuleBroken_ReportsItsCodeAtTheNode(string rule, string code, NodeKind kind, int nodeId)
    {
        var tree = Break(SmallTree(), rule);

        var issues = FrameworkValidator.Validate(tree);

        var issue = Assert.Single(issues);
        Assert.Equal((code, kind, nodeId), (issue.Code, issue.Node.Kind, issue.Node.Id));
        Assert.Equal($"FrameworkIssue_{code}", issue.MessageKey);
    }

    [Fact]
    public void WeightShares_HandComputed_ProductOfNormalisedWeights()
    {
        // Pillars 3 : 1. P1's practices 2 : 2, P2's one practice. Indicators: P1.1 → 1 : 3, P1.2 → 1 (YesNo, Maturity…).
        // Shares: P1.1.1 = 3/4 × 1/2 × 1/4 = 3/32; P1.1.2 = 3/4 × 1/2 × 3/4 = 9/32; P1.2.1 = 3/4 × 1/2 = 12/32;
        // P2.1.1 = 1/4 × 1 × 1/2 = 4/32 and P2.1.2 = 4/32.
        var tree = SharesTree();

        var shares = WeightShares.Compute(tree, null)!;

        Assert.Equal(
            [("P1.2.1", 12m / 32), ("P1.1.2", 9m / 32), ("P2.1.1", 4m / 32), ("P2.1.2", 4m / 32), ("P1.1.1", 3m / 32)],
            shares.Select(s => (s.IndicatorCode, s.Share)));
        Assert.Equal(1m, decimal.Round(shares.Sum(s => s.Share), 20));
        Assert.Equal(("P1", "P1.2"), (shares[0].PillarCode, shares[0].PracticeCode));
    }

    [Fact]
    public void WeightShares_ForAType_LeavesOutIndicatorsThatDoNotApply()
    {
        // P2.1.2 applies to authorities only: for a ministry P2.1.1 takes all of P2's quarter.
        var tree = SharesTree();

        var shares = WeightShares.Compute(tree, "ministry")!.ToDictionary(s => s.IndicatorCode, s => s.Share);

        Assert.Equal(4, shares.Count);
        Assert.Equal(8m / 32, shares["P2.1.1"]);
        Assert.Equal(9m / 32, shares["P1.1.2"]);
    }

    [Fact]
    public void WeightShares_NonPositiveWeight_IsUndefined()
    {
        var tree = SharesTree();
        tree.Pillars[1].Form.Weight = 0m;

        var shares = WeightShares.Compute(tree, null);

        Assert.Null(shares);
    }

    // Ids: pillars 1–3, practices 11–13, indicators 101–105 (one of each measurement type).
    private static FrameworkTree SmallTree()
    {
        var pillars = new List<PillarNode>
        {
            Pillar(1, "A", 2m, Practice(11, "A.1", 1m, Indicator(101, "A.1.1", MeasurementType.YesNo), Indicator(102, "A.1.2", MeasurementType.Percentage))),
            Pillar(2, "B", 1m, Practice(12, "B.1", 1m, Indicator(103, "B.1.1", MeasurementType.Maturity))),
            Pillar(3, "C", 1m, Practice(13, "C.1", 1m,
                Indicator(104, "C.1.1", MeasurementType.TargetHigherIsBetter, baseline: 10m, target: 20m),
                Indicator(105, "C.1.2", MeasurementType.TargetLowerIsBetter, baseline: 48m, target: 24m))),
        };

        // A count computed from records feeds a target indicator (and asks for no files: its records are its evidence).
        var computed = pillars[2].Practices[0].Indicators[0].Form;
        computed.ComputedFrom = "crisis.drills-held";
        computed.EvidenceRequired = false;
        computed.MinEvidenceItems = 0;
        return Tree(pillars);
    }

    private static FrameworkTree Break(FrameworkTree tree, string rule)
    {
        var byId = tree.Indicators.ToDictionary(i => i.Id, i => i.Form);
        switch (rule)
        {
            case "pillar without practices":
                return Tree([.. tree.Pillars.Take(2), tree.Pillars[2] with { Practices = [] }]);
            case "practice without indicators":
                return Tree([.. tree.Pillars.Take(2), tree.Pillars[2] with { Practices = [tree.Pillars[2].Practices[0] with { Indicators = [] }] }]);
            case "zero weight": byId[102].Weight = 0m; break;
            case "negative weight": tree.Pillars[0].Practices[0].Form.Weight = -1m; break;
            case "duplicate code across levels": byId[103].Code = "a.1"; break;
            case "empty code": byId[101].Code = " "; break;
            case "Arabic name missing": tree.Pillars[0].Form.NameAr = ""; break;
            case "English text missing": byId[104].TextEn = "  "; break;
            case "guidance in one language only": byId[101].GuidanceEn = null; break;
            case "target equals baseline": byId[104].Target = 10m; break;
            case "higher is better with target below baseline": byId[104].Target = 5m; break;
            case "lower is better with target above baseline": byId[105].Target = 50m; break;
            case "target missing": byId[105].Baseline = null; break;
            case "maturity level without descriptor": byId[103].Levels[2].DescriptorAr = ""; break;
            case "no maturity levels": byId[103].MaturityLevels = 0; break;
            case "required evidence with no items": byId[102].MinEvidenceItems = 0; break;
            case "unknown institution type": byId[102].ApplicableTypes = ["ministry", "embassy"]; break;
            case "computed from an unknown calculation": byId[101].ComputedFrom = "inquiries.unheard-of"; break;
            case "computed from a calculation that measures something else":
                byId[101].ComputedFrom = "roles.required-filled";
                (byId[101].EvidenceRequired, byId[101].MinEvidenceItems) = (false, 0);
                break;
            case "computed and requiring evidence files": byId[102].ComputedFrom = "roles.required-filled"; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule));
        }

        return tree;
    }

    private static FrameworkTree SharesTree() => Tree(
    [
        Pillar(1, "P1", 3m,
            Practice(11, "P1.1", 2m, Indicator(101, "P1.1.1", MeasurementType.YesNo, weight: 1m), Indicator(102, "P1.1.2", MeasurementType.Maturity, weight: 3m)),
            Practice(12, "P1.2", 2m, Indicator(103, "P1.2.1", MeasurementType.Percentage, weight: 5m))),
        Pillar(2, "P2", 1m,
            Practice(13, "P2.1", 7m,
                Indicator(104, "P2.1.1", MeasurementType.TargetHigherIsBetter, baseline: 0m, target: 10m, weight: 2m),
                Indicator(105, "P2.1.2", MeasurementType.TargetLowerIsBetter, baseline: 10m, target: 5m, weight: 2m, types: ["authority"]))),
    ]);

    private static FrameworkTree Tree(IReadOnlyList<PillarNode> pillars) => new(
        new VersionSummary(1, "T", 1, StrategyStatus.Draft, "إطار", "Framework", DateTime.UnixEpoch, null, null, 0),
        new VersionForm { Code = "T", NameAr = "إطار", NameEn = "Framework" },
        pillars,
        [new InstitutionTypeOption("ministry", "وزارة", "Ministry"), new InstitutionTypeOption("authority", "هيئة", "Authority")])
    {
        ComputedSources = new Dictionary<string, ComputedKind> { ["roles.required-filled"] = ComputedKind.Percentage, ["crisis.drills-held"] = ComputedKind.Count },
    };

    private static PillarNode Pillar(int id, string code, decimal weight, params PracticeNode[] practices) =>
        new(id, new PillarForm { Code = code, NameAr = $"محور {code}", NameEn = $"Pillar {code}", Weight = weight }, practices);

    private static PracticeNode Practice(int id, string code, decimal weight, params IndicatorNode[] indicators) =>
        new(id, new PracticeForm { Code = code, NameAr = $"بند {code}", NameEn = $"Practice {code}", Weight = weight }, indicators);

    private static IndicatorNode Indicator(
        int id, string code, MeasurementType type, decimal? baseline = null, decimal? target = null, decimal weight = 1m, List<string>? types = null)
    {
        var form = new IndicatorForm
        {
            Code = code,
            TextAr = $"مؤشر {code}",
            TextEn = $"Indicator {code}",
            GuidanceAr = "إرشاد",
            GuidanceEn = "Guidance",
            Weight = weight,
            Type = type,
            Baseline = baseline,
            Target = target,
            EvidenceRequired = true,
            MinEvidenceItems = 1,
            ApplicableTypes = types ?? [],
        };
        if (type == MeasurementType.Maturity)
        {
            form.EnsureLevels();
            foreach (var level in form.Levels)
            {
                (level.DescriptorAr, level.DescriptorEn) = ($"المستوى {level.Level}", $"Level {level.Level}");
            }
        }

        return new IndicatorNode(id, form);
    }
}
