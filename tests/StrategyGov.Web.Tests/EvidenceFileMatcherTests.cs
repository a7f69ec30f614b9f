using StrategyGov.Web.Features.Evidence;

namespace StrategyGov.Web.Tests;

/// <summary>Which indicator an evidence file is for, by the code in its name (issue 25).</summary>
public sealed class EvidenceFileMatcherTests
{
    private static readonly string[] Codes = ["P1.2.3", "P1.2.4", "P1.1.1", "P10.1.1", "P1.2.31"];

    [Theory]
    [InlineData("P1.2.3 خطة الأزمات.pdf", "P1.2.3")]
    [InlineData("خطة الأزمات P1.2.3.pdf", "P1.2.3")]
    [InlineData("p1.2.3-plan.docx", "P1.2.3")]
    [InlineData("P1.2.3_خطة.pdf", "P1.2.3")]
    [InlineData("P1.2.3خطة.pdf", "P1.2.3")]
    [InlineData("خطة P١.٢.٣.pdf", "P1.2.3")]
    [InlineData("(P1.2.3).pdf", "P1.2.3")]
    [InlineData("P1.2.31 survey.pdf", "P1.2.31")]
    [InlineData("P10.1.1.pdf", "P10.1.1")]
    [InlineData("P1.1.1/organisation chart.pdf", "P1.1.1")]
    [InlineData("evidence/P1.1.1 - chart.pdf", "P1.1.1")]
    public void CodesIn_NameWithOneCode_FindsThatCode(string name, string expected)
    {
        var found = EvidenceFileMatcher.CodesIn(name, Codes);

        Assert.Equal(new[] { expected }, found);
    }

    [Theory]
    [InlineData("خطة الأزمات.pdf")]
    [InlineData("P1.2.pdf")]
    [InlineData("P1.2.35.pdf")]
    [InlineData("XP1.2.3.pdf")]
    [InlineData("P1.2.3.4.pdf")]
    [InlineData("2P1.1.1.pdf")]
    [InlineData("")]
    public void CodesIn_NoWholeCode_FindsNothing(string name)
    {
        Assert.Empty(EvidenceFileMatcher.CodesIn(name, Codes));
    }

    [Fact]
    public void CodesIn_TwoCodes_FindsBothInTheirOrder()
    {
        var found = EvidenceFileMatcher.CodesIn("P1.2.4 and P1.2.3.pdf", Codes);

        Assert.Equal(new[] { "P1.2.4", "P1.2.3" }, found);
    }
}
