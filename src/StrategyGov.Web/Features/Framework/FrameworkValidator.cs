using StrategyGov.Scoring;
using StrategyGov.Web.Features.Computed;

namespace StrategyGov.Web.Features.Framework;

/// <summary>
/// Something that keeps a version from being published. <see cref="Code"/> is stable (tests and
/// imports refer to it); the message is the localized string <see cref="MessageKey"/> filled with
/// <see cref="Arguments"/>; <see cref="Node"/> is where the editor takes the admin.
/// </summary>
public sealed record ValidationIssue(string Code, NodeRef Node, params object[] Arguments)
{
    public string MessageKey => $"FrameworkIssue_{Code}";
}

/// <summary>The rules a framework must meet before it is published (pure: a tree in, issues out).</summary>
public static class FrameworkValidator
{
    public const int MaxMaturityLevels = 10;

    public static IReadOnlyList<ValidationIssue> Validate(FrameworkTree tree)
    {
        var issues = new List<ValidationIssue>();
        var versionNode = new NodeRef(NodeKind.Version, tree.Version.Id, tree.Header.Code);
        RequireText(issues, versionNode, tree.Header.NameAr, tree.Header.NameEn);
        if (string.IsNullOrWhiteSpace(tree.Header.Code))
        {
            issues.Add(new ValidationIssue("CodeMissing", versionNode));
        }

        if (tree.Pillars.Count == 0)
        {
            issues.Add(new ValidationIssue("NoPillars", versionNode));
        }

        var knownTypes = tree.Types.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var seenCodes = new Dictionary<string, NodeRef>(StringComparer.OrdinalIgnoreCase);
        foreach (var pillar in tree.Pillars)
        {
            var node = new NodeRef(NodeKind.Pillar, pillar.Id, pillar.Form.Code);
            CheckNode(issues, seenCodes, node, pillar.Form.Weight, pillar.Form.NameAr, pillar.Form.NameEn);
            RequireBothOrNeither(issues, node, pillar.Form.DescriptionAr, pillar.Form.DescriptionEn);
            if (pillar.Practices.Count == 0)
            {
                issues.Add(new ValidationIssue("PillarWithoutPractices", node, node.Code));
            }

            foreach (var practice in pillar.Practices)
            {
                var practiceNode = new NodeRef(NodeKind.Practice, practice.Id, practice.Form.Code);
                CheckNode(issues, seenCodes, practiceNode, practice.Form.Weight, practice.Form.NameAr, practice.Form.NameEn);
                if (practice.Indicators.Count == 0)
                {
                    issues.Add(new ValidationIssue("PracticeWithoutIndicators", practiceNode, practiceNode.Code));
                }

                foreach (var indicator in practice.Indicators)
                {
                    var indicatorNode = new NodeRef(NodeKind.Indicator, indicator.Id, indicator.Form.Code);
                    CheckNode(issues, seenCodes, indicatorNode, indicator.Form.Weight, indicator.Form.TextAr, indicator.Form.TextEn);
                    CheckIndicator(issues, indicatorNode, indicator.Form, knownTypes);
                    CheckComputed(issues, indicatorNode, indicator.Form, tree.ComputedSources);
                }
            }
        }

        return issues;
    }

    private static void CheckNode(
        List<ValidationIssue> issues, Dictionary<string, NodeRef> seenCodes, NodeRef node, decimal weight, string? arabic, string? english)
    {
        if (string.IsNullOrWhiteSpace(node.Code))
        {
            issues.Add(new ValidationIssue("CodeMissing", node));
        }
        else if (!seenCodes.TryAdd(node.Code.Trim(), node))
        {
            issues.Add(new ValidationIssue("CodeDuplicate", node, node.Code));
        }

        if (weight <= 0m)
        {
            issues.Add(new ValidationIssue("WeightNotPositive", node, node.Code));
        }

        RequireText(issues, node, arabic, english);
    }

    private static void CheckIndicator(List<ValidationIssue> issues, NodeRef node, IndicatorForm form, IReadOnlySet<string> knownTypes)
    {
        RequireBothOrNeither(issues, node, form.GuidanceAr, form.GuidanceEn);
        if (form.MinEvidenceItems < 0 || (form.EvidenceRequired && form.MinEvidenceItems < 1) || (!form.EvidenceRequired && form.MinEvidenceItems > 0))
        {
            issues.Add(new ValidationIssue("EvidenceCountInvalid", node, node.Code));
        }

        foreach (var type in form.ApplicableTypes.Where(t => !knownTypes.Contains(t)))
        {
            issues.Add(new ValidationIssue("UnknownInstitutionType", node, node.Code, type));
        }

        switch (form.Type)
        {
            case MeasurementType.Maturity:
                CheckMaturity(issues, node, form);
                break;
            case MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter:
                CheckTarget(issues, node, form);
                break;
        }
    }

    /// <summary>
    /// A computed indicator (docs/decisions/0096) names a calculation the platform knows, one that produces
    /// what its type measures; its records are its evidence, so it does not also ask for files.
    /// </summary>
    private static void CheckComputed(List<ValidationIssue> issues, NodeRef node, IndicatorForm form, IReadOnlyDictionary<string, ComputedKind> sources)
    {
        if (form.ComputedFrom is not { } key)
        {
            return;
        }

        if (!sources.TryGetValue(key, out var kind))
        {
            issues.Add(new ValidationIssue("ComputedSourceUnknown", node, node.Code, key));
            return;
        }

        if (!ComputeRequest.Feeds(kind, form.Type))
        {
            issues.Add(new ValidationIssue("ComputedSourceMismatch", node, node.Code, key));
        }

        if (form.EvidenceRequired)
        {
            issues.Add(new ValidationIssue("ComputedRequiresEvidence", node, node.Code));
        }
    }

    private static void CheckMaturity(List<ValidationIssue> issues, NodeRef node, IndicatorForm form)
    {
        if (form.MaturityLevels is < 1 or > MaxMaturityLevels)
        {
            issues.Add(new ValidationIssue("MaturityLevelsOutOfRange", node, node.Code, MaxMaturityLevels));
            return;
        }

        var described = form.Levels.Where(l => !string.IsNullOrWhiteSpace(l.DescriptorAr) && !string.IsNullOrWhiteSpace(l.DescriptorEn))
            .Select(l => l.Level).ToHashSet();
        var missing = Enumerable.Range(0, form.MaturityLevels + 1).Where(level => !described.Contains(level)).ToList();
        if (missing.Count > 0)
        {
            issues.Add(new ValidationIssue("MaturityDescriptorMissing", node, node.Code, string.Join(", ", missing)));
        }
    }

    private static void CheckTarget(List<ValidationIssue> issues, NodeRef node, IndicatorForm form)
    {
        if (form.Baseline is not { } baseline || form.Target is not { } target)
        {
            issues.Add(new ValidationIssue("TargetMissing", node, node.Code));
        }
        else if (baseline == target)
        {
            issues.Add(new ValidationIssue("TargetEqualsBaseline", node, node.Code));
        }
        else if ((form.Type == MeasurementType.TargetHigherIsBetter) != (target > baseline))
        {
            issues.Add(new ValidationIssue(
                form.Type == MeasurementType.TargetHigherIsBetter ? "TargetNotAboveBaseline" : "TargetNotBelowBaseline", node, node.Code));
        }
    }

    private static void RequireText(List<ValidationIssue> issues, NodeRef node, string? arabic, string? english)
    {
        if (string.IsNullOrWhiteSpace(arabic))
        {
            issues.Add(new ValidationIssue("ArabicMissing", node, node.Code));
        }

        if (string.IsNullOrWhiteSpace(english))
        {
            issues.Add(new ValidationIssue("EnglishMissing", node, node.Code));
        }
    }

    // Optional texts (descriptions, guidance) are optional in both languages together, never in one.
    private static void RequireBothOrNeither(List<ValidationIssue> issues, NodeRef node, string? arabic, string? english)
    {
        if (string.IsNullOrWhiteSpace(arabic) != string.IsNullOrWhiteSpace(english))
        {
            issues.Add(new ValidationIssue(string.IsNullOrWhiteSpace(arabic) ? "ArabicMissing" : "EnglishMissing", node, node.Code));
        }
    }
}
