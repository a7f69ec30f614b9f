using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Tests;

/// <summary>The reasons the platform gives a revision read in the page's language (docs/decisions/0101).</summary>
public sealed class RevisionReasonTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Theory]
    [InlineData("ar", "ObjectionUpheld:12:P1.1.2", "قُبل الاعتراض 12: \u2066P1.1.2\u2069")]
    [InlineData("en", "ObjectionUpheld:12:P1.1.2", "Objection 12 upheld: \u2066P1.1.2\u2069")]
    [InlineData("ar", "Objection 7 upheld: P2.1.1", "قُبل الاعتراض 7: \u2066P2.1.1\u2069")]
    [InlineData("ar", "Published", "نشر الفترة")]
    [InlineData("ar", "تصحيح خطأ إدخال", "تصحيح خطأ إدخال")]
    public void Show_StoredReason_ReadsInThePageLanguage(string language, string stored, string expected)
    {
        var localizer = app.Service<IStringLocalizer<SharedResource>>();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Bilingual.CreateCulture(language);
        try
        {
            Assert.Equal(expected, RevisionReason.Show(localizer, stored));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void ObjectionUpheld_IsStoredAsFactsNotASentence() =>
        Assert.Equal("ObjectionUpheld:12:P1.1.2", RevisionReason.ObjectionUpheld(12, "P1.1.2"));

    // The status line on score pages, in the PDFs and the period export words the reason too (found by the whole-loop
    // acceptance test: it showed the stored key).
    [Theory]
    [InlineData("ar", "قُبل الاعتراض 12")]
    [InlineData("en", "Objection 12 upheld")]
    public void FiguresStatus_Revised_WordsTheReasonNotItsKey(string language, string expected)
    {
        var localizer = app.Service<IStringLocalizer<SharedResource>>();
        var status = new FiguresStatus(FiguresState.Revised, new SnapshotInfo(2, new DateTime(2026, 10, 15, 11, 0, 0, DateTimeKind.Utc), RevisionReason.ObjectionUpheld(12, "P1.3.2")));
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Bilingual.CreateCulture(language);
        try
        {
            var line = status.Describe(localizer, app.Service<PlatformTime>());
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("ObjectionUpheld", line, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
