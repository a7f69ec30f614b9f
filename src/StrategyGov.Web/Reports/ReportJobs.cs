using System.Collections.Concurrent;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;

/// <summary>A report being produced in the background for one user.</summary>
public sealed class ReportJob(Guid id, string userId, string title)
{
    private volatile FileDownload? _file;
    private int _stage = (int)ReportStage.Queued;

    public Guid Id { get; } = id;

    /// <summary>Only the user who started the job may download its file.</summary>
    public string UserId { get; } = userId;

    public string Title { get; } = title;

    public ReportStage Stage => (ReportStage)Volatile.Read(ref _stage);

    public FileDownload? File => _file;

    public DateTimeOffset FinishedAt { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>Raised (on a pool thread) whenever the stage changes.</summary>
    public event Action? Changed;

    internal void Advance(ReportStage stage)
    {
        Volatile.Write(ref _stage, (int)stage);
        Changed?.Invoke();
    }

    internal void Finish(FileDownload? file, DateTimeOffset now)
    {
        _file = file;
        FinishedAt = now;
        Advance(file is null ? ReportStage.Failed : ReportStage.Ready);
    }
}

/// <summary>
/// Produces long reports (the national report) in the background so the page can show progress, and
/// keeps each finished file in memory for a few minutes, for the user who asked for it only.
/// </summary>
public sealed class ReportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportJobs> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<Guid, ReportJob> _jobs = new();

    /// <summary>Starts a national report. Authorisation is checked by the report service when the job runs.</summary>
    public ReportJob StartNational(Actor actor, int periodId, string language)
    {
        Sweep();
        var job = new ReportJob(Guid.NewGuid(), actor.UserId, $"national-{periodId}-{language}");
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, actor, periodId, language));
        return job;
    }

    /// <summary>The finished file of one of the actor's own jobs; anyone else's job is not found.</summary>
    public FileDownload Download(Actor actor, Guid jobId)
    {
        if (!_jobs.TryGetValue(jobId, out var job) || job.UserId != actor.UserId || job.File is not { } file)
        {
            throw new NotFoundException();
        }

        return file;
    }

    private async Task RunAsync(ReportJob job, Actor actor, int periodId, string language)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            var file = await reports.NationalPdfAsync(actor, periodId, language, new Progress(job), CancellationToken.None);
            job.Finish(file, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            logger.LogError(e, "The national report for period {PeriodId} ({Language}) failed", periodId, language);
            job.Finish(null, clock.GetUtcNow());
        }
    }

    private void Sweep()
    {
        var expired = clock.GetUtcNow() - KeepFor;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt < expired)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }

    // Synchronous on purpose: System.Progress<T> would post to a context and could report stages out of order.
    private sealed class Progress(ReportJob job) : IProgress<ReportStage>
    {
        public void Report(ReportStage value)
        {
            if (value != ReportStage.Ready)
            {
                job.Advance(value);
            }
        }
    }
}
