using StrategyGov.Data.Governance;

namespace StrategyGov.Web.Features.Raci;

public enum RaciProblem
{
    /// <summary>Nobody is accountable.</summary>
    NoAccountable,

    /// <summary>More than one party is accountable.</summary>
    SeveralAccountable,

    /// <summary>Nobody is responsible for doing the work.</summary>
    NoResponsible,
}

public sealed record RaciViolation(int ActivityId, string ActivityCode, RaciProblem Problem);

/// <summary>A matrix is valid when every activity has exactly one A and at least one R.</summary>
public static class RaciValidation
{
    public static IReadOnlyList<RaciProblem> Check(IEnumerable<RaciLetter> letters)
    {
        var list = letters.ToList();
        var problems = new List<RaciProblem>(2);
        var accountable = list.Count(l => l == RaciLetter.A);
        if (accountable == 0)
        {
            problems.Add(RaciProblem.NoAccountable);
        }
        else if (accountable > 1)
        {
            problems.Add(RaciProblem.SeveralAccountable);
        }

        if (!list.Contains(RaciLetter.R))
        {
            problems.Add(RaciProblem.NoResponsible);
        }

        return problems;
    }
}
