using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// Recomputes the stored clocks after the working calendar changed: a holiday added late (Eid is announced
/// days before), hours corrected. Only the derived columns change, which the audit trail leaves out; the
/// calendar change itself is audited.
/// </summary>
public static class InquiryRecompute
{
    private const int Batch = 1000;

    /// <summary>
    /// Recomputes every inquiry still open and every inquiry whose clocks reach <paramref name="since"/> or
    /// later (all of them when null), inside the caller's transaction; returns how many were read.
    /// </summary>
    public static async Task<int> RunAsync(StrategyGovDbContext db, DateOnly? since, DateTime now, CancellationToken ct)
    {
        var settings = await InquirySettings.LoadAsync(db, ct);

        // A day earlier than the first day changed, so that no time zone can put a clock that touches it outside.
        var from = since is { } day ? settings.Calendar.ToUtc(day.AddDays(-1), TimeOnly.MinValue) : DateTime.MinValue;
        var lastId = 0;
        var count = 0;
        while (true)
        {
            var batch = await db.Inquiries.Include(i => i.Pauses)
                .Where(i => i.Id > lastId)
                .Where(i => since == null || i.ReceivedAt >= from || (i.AnsweredAt != null && i.AnsweredAt >= from) || (i.AnswerDueAt != null && i.AnswerDueAt >= from)
                    || (i.Status != InquiryStatus.Answered && i.Status != InquiryStatus.Closed))
                .OrderBy(i => i.Id)
                .Take(Batch)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var inquiry in batch)
            {
                InquiryClock.Apply(inquiry, settings.Calendar, inquiry.Pauses);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
            count += batch.Count;
        }
    }
}
