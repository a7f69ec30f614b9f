using System.Globalization;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Features.Framework;

/// <summary>A maturity band as the editor holds it while the center changes it.</summary>
public sealed class BandForm
{
    public string Code { get; set; } = "";

    public string NameAr { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>The lowest verified score (0–100) in the band; the band runs up to the next band's lower bound.</summary>
    public decimal LowerBound { get; set; }

    /// <summary>The colour the band is drawn in, <c>#rrggbb</c> (ADR 0112).</summary>
    public string Color { get; set; } = MaturityBandDefinition.DefaultColor(null);

    public static BandForm From(BandSeed band) => new()
    {
        Code = band.Code, NameAr = band.NameAr, NameEn = band.NameEn, LowerBound = band.LowerBound,
        Color = band.Color ?? MaturityBandDefinition.DefaultColor(band.Code),
    };

    public BandSeed ToSeed() => new(Code.Trim(), LowerBound, NameAr.Trim(), NameEn.Trim(), BandColors.Normalize(Color));
}

/// <summary>A problem with a set of bands: a UI string key and its arguments.</summary>
public sealed record BandProblem(string MessageKey, params object[] Arguments);

/// <summary>
/// Bands are given by lower bounds only, each running up to the next: every score from 0 to 100 falls in
/// exactly one band when the lowest starts at 0 (otherwise a gap) and no two start at the same score
/// (otherwise an overlap). Codes are unique and both names are given (ADR 0103). A colour is #rrggbb and
/// black or white text reads on it at 4.5:1 at least (ADR 0112).
/// </summary>
public static class BandRules
{
    public static IReadOnlyList<BandProblem> Check(IReadOnlyList<BandForm> bands)
    {
        var problems = new List<BandProblem>();
        if (bands.Count == 0)
        {
            problems.Add(new("Bands_None"));
            return problems;
        }

        foreach (var band in bands)
        {
            var name = Name(band);
            if (string.IsNullOrWhiteSpace(band.Code))
            {
                problems.Add(new("Bands_CodeRequired"));
            }

            if (string.IsNullOrWhiteSpace(band.NameAr) || string.IsNullOrWhiteSpace(band.NameEn))
            {
                problems.Add(new("Bands_NameRequired", name));
            }

            if (band.LowerBound is < 0m or >= 100m)
            {
                problems.Add(new("Bands_OutOfRange", name));
            }

            if (ColorProblem(band.Color) is { } colorProblem)
            {
                problems.Add(new(colorProblem, name, Localization.Bidi.Ltr(band.Color?.Trim())));
            }
        }

        foreach (var code in bands.Where(b => !string.IsNullOrWhiteSpace(b.Code)).GroupBy(b => b.Code.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new("Bands_CodeTwice", code.Key));
        }

        var lowest = bands.Min(b => b.LowerBound);
        if (lowest > 0m)
        {
            problems.Add(new("Bands_GapAtStart", Number(lowest)));
        }

        foreach (var same in bands.GroupBy(b => b.LowerBound).Where(g => g.Count() > 1))
        {
            var names = same.Select(Name).ToList();
            problems.Add(new("Bands_Overlap", names[0], names[1], Number(same.Key)));
        }

        return problems;
    }

    /// <summary>Why a band colour cannot be used (a UI string key taking the band and the colour), or null.</summary>
    public static string? ColorProblem(string? color)
    {
        var normalized = BandColors.Normalize(color);
        if (!BandColors.IsHex(normalized))
        {
            return "Bands_ColorFormat";
        }

        return BandColors.IsReadable(normalized) ? null : "Bands_ColorContrast";
    }

    private static string Name(BandForm band) => string.IsNullOrWhiteSpace(band.Code) ? "?" : band.Code.Trim();

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
