using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>Issue 25: the demo data of a running period is dated by the seeding day, never after it, and on time.</summary>
public sealed class DemoDataDatesTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task OpenPeriod_SeededActivity_IsNotInTheFutureAndBeforeTheDueDate()
    {
        await using var db = await app.DbAsync();
        var seededAt = DateTime.UtcNow;
        var period = await db.Periods.SingleAsync(p => p.Code == SeededData.OpenPeriod);
        var submissions = await db.Submissions.Where(s => s.PeriodId == period.Id).Include(s => s.Answers).ToListAsync();
        var due = period.DueOn.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);

        var submitted = submissions.Where(s => s.FirstSubmittedAt is not null).ToList();
        Assert.NotEmpty(submitted);
        Assert.All(submitted, s =>
        {
            Assert.True(s.FirstSubmittedAt <= seededAt, $"{s.Id} submitted {s.FirstSubmittedAt:O}, after the seeding day");
            Assert.True(s.FirstSubmittedAt <= due, $"{s.Id} submitted {s.FirstSubmittedAt:O}, after the due date");
            Assert.True(s.FirstSubmittedAt >= period.OpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Assert.True(s.LastActivityAt <= seededAt);
            Assert.True(s.ApprovedAt is null || (s.ApprovedAt <= seededAt && s.ApprovedAt >= s.FirstSubmittedAt));
        });
        Assert.All(submissions.SelectMany(s => s.Answers), a =>
        {
            Assert.True(a.UpdatedAt <= seededAt);
            Assert.True(a.ReviewedAt is null || a.ReviewedAt <= seededAt);
        });
        Assert.Contains(submissions, s => s.Status == SubmissionStatus.Approved);
    }
}
