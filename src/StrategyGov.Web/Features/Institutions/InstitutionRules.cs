namespace StrategyGov.Web.Features.Institutions;

/// <summary>The rules an institution must meet, shared by the edit form and the Excel import.</summary>
public static class InstitutionRules
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 300;

    /// <param name="form">The institution as it would be stored.</param>
    /// <param name="typeCodes">Known institution type codes.</param>
    /// <param name="parents">
    /// Every institution code (case-insensitive) with its parent's code, as the registry would be after
    /// the change (the form's own entry included), so that a chain of parents can be checked for a loop.
    /// </param>
    public static IReadOnlyList<InstitutionProblem> Check(InstitutionForm form, IReadOnlySet<string> typeCodes, IReadOnlyDictionary<string, string?> parents)
    {
        var problems = new List<InstitutionProblem>();
        var code = form.Code.Trim();
        if (code.Length == 0)
        {
            problems.Add(new InstitutionProblem(InstitutionField.Code, "Inst_CodeRequired"));
        }
        else if (code.Length > MaxCodeLength || code.Any(char.IsWhiteSpace))
        {
            problems.Add(new InstitutionProblem(InstitutionField.Code, "Inst_CodeInvalid", MaxCodeLength));
        }

        RequireName(problems, InstitutionField.NameAr, form.NameAr);
        RequireName(problems, InstitutionField.NameEn, form.NameEn);

        if (!typeCodes.Contains(form.TypeCode.Trim()))
        {
            problems.Add(new InstitutionProblem(InstitutionField.Type, "Inst_TypeUnknown", form.TypeCode));
        }

        var parent = form.ParentCode?.Trim();
        if (!string.IsNullOrEmpty(parent))
        {
            if (!parents.ContainsKey(parent))
            {
                problems.Add(new InstitutionProblem(InstitutionField.Parent, "Inst_ParentUnknown", parent));
            }
            else if (LeadsBackTo(code, parent, parents))
            {
                problems.Add(new InstitutionProblem(InstitutionField.Parent, "Inst_ParentLoop", parent));
            }
        }

        return problems;
    }

    private static void RequireName(List<InstitutionProblem> problems, InstitutionField field, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new InstitutionProblem(field, "Inst_NameRequired"));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            problems.Add(new InstitutionProblem(field, "Inst_NameTooLong", MaxNameLength));
        }
    }

    // Walks up from the parent; reaching the institution itself means a loop.
    private static bool LeadsBackTo(string code, string parent, IReadOnlyDictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (string? current = parent; !string.IsNullOrEmpty(current); current = parents.GetValueOrDefault(current))
        {
            if (string.Equals(current, code, StringComparison.OrdinalIgnoreCase) || !seen.Add(current))
            {
                return true;
            }
        }

        return false;
    }
}
