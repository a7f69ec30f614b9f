using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;

/// <summary>Frameworks seeded for the harness's parts (the import, the API writes) and for the soak (<see cref="SoakSeed"/>).</summary>
internal static class BenchmarkSeed
{
    /// <summary>
    /// A published framework of <paramref name="pillars"/> × <paramref name="practices"/> × <paramref name="perPractice"/>
    /// percentage indicators, an open period and an empty draft for each institution given. The period runs in
    /// 2027 unless <paramref name="opensOn"/> says otherwise (then due 50 days and closed 60 days later).
    /// </summary>
    public static async Task<int> IndicatorsAsync(
        IDbContextFactory<StrategyGovDbContext> dbFactory, int[] institutionIds, string code, int practices, int perPractice,
        int pillars = 1, DateOnly? opensOn = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var version = new StrategyVersion { Code = code, Version = 1, Status = StrategyStatus.Published, NameAr = "استراتيجية القياس", NameEn = "Benchmark strategy", CreatedAt = DateTime.UtcNow };
        for (var b = 1; b <= pillars; b++)
        {
            var pillar = new Pillar { Code = $"B{b}", NameAr = $"محور {b}", NameEn = $"Pillar {b}", Order = b, Weight = 1m, StrategyVersion = version };
            for (var p = 0; p < practices; p++)
            {
                var practice = new Practice { Code = $"B{b}.{p}", NameAr = $"ممارسة {p}", NameEn = $"Practice {p}", Order = p, Weight = 1m, Pillar = pillar };
                for (var i = 0; i < perPractice; i++)
                {
                    practice.Indicators.Add(new Indicator { Code = $"B{b}.{p}.{i}", TextAr = $"مؤشر رقم {i} للممارسة {p}", TextEn = $"Indicator {i} of practice {p}", Order = i, Weight = 1m, Type = MeasurementType.Percentage });
                }

                pillar.Practices.Add(practice);
            }

            db.Pillars.Add(pillar);
        }

        var opens = opensOn ?? new DateOnly(2027, 1, 1);
        var period = new ReportingPeriod
        {
            Code = $"{code}-1",
            StrategyVersion = version,
            OpensOn = opens,
            DueOn = opensOn is null ? new DateOnly(2027, 3, 20) : opens.AddDays(50),
            ClosesOn = opensOn is null ? new DateOnly(2027, 3, 31) : opens.AddDays(60),
            Status = PeriodStatus.Open,
        };
        db.Periods.Add(period);
        db.Submissions.AddRange(institutionIds.Select(id => new Submission { InstitutionId = id, Period = period, Status = SubmissionStatus.Draft, CreatedAt = DateTime.UtcNow, LastActivityAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return period.Id;
    }
}
