using StrategyGov.Data.Governance;
using StrategyGov.Web.Features.Raci;
using static StrategyGov.Data.Governance.RaciLetter;

namespace StrategyGov.Web.Tests;

/// <summary>A RACI row is valid with exactly one A and at least one R (docs/product.md §Domain model).</summary>
public sealed class RaciValidationTests
{
    public static TheoryData<RaciLetter[], RaciProblem[]> Cases => new()
    {
        { [A, R], [] },
        { [A, R, R, C, I], [] },
        { [R, C, I], [RaciProblem.NoAccountable] },
        { [A, A, R], [RaciProblem.SeveralAccountable] },
        { [A, C, I], [RaciProblem.NoResponsible] },
        { [A, A, C], [RaciProblem.SeveralAccountable, RaciProblem.NoResponsible] },
        { [], [RaciProblem.NoAccountable, RaciProblem.NoResponsible] },
        { [C, I], [RaciProblem.NoAccountable, RaciProblem.NoResponsible] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Letters_ReportsEveryProblem(RaciLetter[] letters, RaciProblem[] expected)
    {
        var problems = RaciValidation.Check(letters);

        Assert.Equal(expected, problems);
    }
}
