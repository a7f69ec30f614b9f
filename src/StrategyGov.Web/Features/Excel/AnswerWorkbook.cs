using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;

namespace StrategyGov.Web.Features.Excel;

/// <summary>The layout of the answer import template, shared by the template and the import so they cannot drift apart.</summary>
public static class AnswerWorkbook
{
    public const int Code = 1;
    public const int Indicator = 2;
    public const int Expected = 3;
    public const int Value = 4;
    public const int NotApplicable = 5;
    public const int Justification = 6;
    public const int Comment = 7;

    /// <summary>Links given as evidence, one per line (issue 25); an older template without this column still imports.</summary>
    public const int EvidenceLinks = 8;

    /// <summary>A hidden sheet naming the institution and period the template was made for.</summary>
    public const string MetaSheet = "StrategyGov";

    public static readonly string[] HeaderKeys =
        ["Col_Code", "Col_Indicator", "Excel_Expected", "Excel_Value", "NotApplicable", "Excel_Justification", "Excel_Comment", "Excel_EvidenceLinks"];

    public static readonly int[] InputColumns = [Value, NotApplicable, Justification, Comment, EvidenceLinks];

    public static string SheetName(IStringLocalizer localizer, CultureInfo culture) => localizer.WithCulture(culture, "Excel_SheetAnswers");

    public static string[] Headers(IStringLocalizer localizer, CultureInfo culture) =>
        HeaderKeys.Select(k => localizer.WithCulture(culture, k)).ToArray();

    public static IEnumerable<CultureInfo> Cultures => Bilingual.Cultures.Select(Bilingual.CreateCulture);

    public static string ColumnName(int column) => ((char)('A' + column - 1)).ToString();
}
