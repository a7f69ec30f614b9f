using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;

namespace StrategyGov.Data.Seeding;

/// <summary>
/// Plausible, deterministic demo answers so that dashboards and reports have something to show on a
/// fresh install. Only periods marked <c>demoActivity</c> in periods.json get them. The institutions
/// kept for the demo accounts (<see cref="UntouchedInstitutions"/>) stay empty drafts, so the
/// walkthrough in the README starts from a blank form.
/// Dates are relative to the seeding day (<paramref name="utcNow"/>): nothing of an open period is dated
/// after it, and what was submitted falls before the period's due date.
/// </summary>
internal sealed class DemoActivity(ReportingPeriod period, IReadOnlyList<Indicator> indicators, string seedKey, DateTime utcNow)
{
    public static readonly IReadOnlySet<string> UntouchedInstitutions = new HashSet<string> { "MOH", "AMN-EAST" };

    public void Fill(Submission submission)
    {
        var institution = submission.Institution;
        if (period.Status == PeriodStatus.Open && UntouchedInstitutions.Contains(institution.Code))
        {
            return;
        }

        // One generator per institution and period: the same seed data always gives the same demo.
        var random = new Random(StableHash($"{seedKey}/{institution.Code}"));
        var skill = 0.35 + (random.NextDouble() * 0.6);
        var status = period.Status switch
        {
            PeriodStatus.Open => random.NextDouble() switch
            {
                < 0.25 => SubmissionStatus.Draft,
                < 0.70 => SubmissionStatus.Submitted,
                _ => SubmissionStatus.Approved,
            },
            _ => SubmissionStatus.Approved,
        };

        var submitted = period.OpensOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(SubmissionDay(random.Next(10, 85)));
        // Computed indicators are filled from the seeded records afterwards, as the app computes them.
        var applicable = indicators.Where(i => i.ComputedFrom is null && (i.ApplicableTypes.Count == 0 || i.ApplicableTypes.Contains(institution.Type)));
        foreach (var indicator in applicable)
        {
            if (status == SubmissionStatus.Draft && random.NextDouble() < 0.5)
            {
                continue;
            }

            var answer = new Answer { Indicator = indicator, UpdatedAt = submitted };
            if (random.NextDouble() < 0.03)
            {
                answer.NotApplicable = true;
                answer.Justification = "لا تنطبق طبيعة عمل الجهة على هذا المؤشر خلال الفترة.";
            }
            else
            {
                answer.Value = ValueFor(indicator, skill, random);
            }

            if (status == SubmissionStatus.Approved)
            {
                Review(answer, indicator, random);
            }

            submission.Answers.Add(answer);
        }

        submission.Status = status;
        submission.LastActivityAt = submitted;
        if (status != SubmissionStatus.Draft)
        {
            submission.SubmittedAt = submitted;
            submission.FirstSubmittedAt = submitted;
            submission.Round = 1;
        }

        if (status == SubmissionStatus.Approved)
        {
            var approved = Min(submitted.AddDays(random.Next(2, 10)), Ceiling);
            submission.ApprovedAt = approved;
            submission.LastActivityAt = approved;
            foreach (var answer in submission.Answers.Where(a => a.ReviewedAt > approved))
            {
                answer.ReviewedAt = approved;
            }
        }
    }

    // Nothing of a period that is still running happens after the seeding day.
    private DateTime Ceiling => period.Status == PeriodStatus.Published ? DateTime.MaxValue : utcNow.AddHours(-1);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>
    /// Days after opening on which an institution submitted, from the same draw as ever (so the same seed data
    /// gives the same answers): published periods keep 10–84; a running one squeezes the draw into the days
    /// between opening and the earlier of its due date and three days before seeding.
    /// </summary>
    private int SubmissionDay(int drawn)
    {
        if (period.Status == PeriodStatus.Published)
        {
            return drawn;
        }

        var opens = period.OpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var due = period.DueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var latest = (int)Math.Min((due - opens).TotalDays, (utcNow.Date - opens).TotalDays - 3);
        latest = Math.Clamp(latest, 1, 84);
        return 1 + ((drawn - 10) * (latest - 1) / 74);
    }

    private void Review(Answer answer, Indicator indicator, Random random)
    {
        answer.ReviewedAt = Min(answer.UpdatedAt.AddDays(3), Ceiling);
        var roll = random.NextDouble();
        if (roll < 0.78 || (answer.NotApplicable && roll < 0.95))
        {
            answer.Decision = ReviewDecision.Accepted;
        }
        else if (roll < 0.95 && answer.Value is { } value)
        {
            answer.Decision = ReviewDecision.Adjusted;
            answer.VerifiedValue = Lower(indicator, value);
            answer.ReviewComment = "عُدّلت القيمة وفق الشواهد المرفقة.";
        }
        else
        {
            answer.Decision = ReviewDecision.Rejected;
            answer.ReviewComment = "الشواهد المرفقة لا تثبت تحقق المؤشر.";
        }
    }

    private static decimal ValueFor(Indicator indicator, double skill, Random random)
    {
        var level = Math.Clamp(skill + ((random.NextDouble() - 0.5) * 0.5), 0, 1.1);
        return indicator.Type switch
        {
            MeasurementType.YesNo => level > 0.45 ? 1m : 0m,
            MeasurementType.Percentage => Math.Round((decimal)Math.Min(level, 1) * 100m),
            MeasurementType.Maturity => Math.Round((decimal)Math.Min(level, 1) * (indicator.MaturityLevels ?? 5)),
            _ => Math.Round(indicator.Baseline!.Value + ((indicator.Target!.Value - indicator.Baseline.Value) * (decimal)level), 1),
        };
    }

    // An adjustment moves the value one notch towards "worse".
    private static decimal Lower(Indicator indicator, decimal value) => indicator.Type switch
    {
        MeasurementType.YesNo => 0m,
        MeasurementType.Percentage => Math.Max(0m, value - 15m),
        MeasurementType.Maturity => Math.Max(0m, value - 1m),
        _ => Math.Round(value - ((indicator.Target!.Value - indicator.Baseline!.Value) * 0.2m), 1),
    };

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
