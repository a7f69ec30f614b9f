using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Council;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Governance;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Inquiries;
using StrategyGov.Data.Institutions;
using StrategyGov.Data.Media;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Reporting;
using StrategyGov.Data.Webhooks;

namespace StrategyGov.Data;

/// <summary>
/// The one model of the platform, shared by SQLite (embedded default) and PostgreSQL. Each provider has
/// its own migrations assembly; keep the model provider-neutral (UTC times, no provider SQL).
/// </summary>
public class StrategyGovDbContext(DbContextOptions<StrategyGovDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<StrategyVersion> StrategyVersions => Set<StrategyVersion>();

    public DbSet<MaturityBandDefinition> MaturityBands => Set<MaturityBandDefinition>();

    public DbSet<Pillar> Pillars => Set<Pillar>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<InstitutionType> InstitutionTypes => Set<InstitutionType>();

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();

    public DbSet<CalendarAudience> CalendarAudiences => Set<CalendarAudience>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    public DbSet<CommunicationRole> CommunicationRoles => Set<CommunicationRole>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<RaciActivity> RaciActivities => Set<RaciActivity>();

    public DbSet<RaciParty> RaciParties => Set<RaciParty>();

    public DbSet<RaciCell> RaciCells => Set<RaciCell>();

    public DbSet<CrisisPlan> CrisisPlans => Set<CrisisPlan>();

    public DbSet<CrisisDrill> CrisisDrills => Set<CrisisDrill>();

    public DbSet<AnswerSnapshot> AnswerSnapshots => Set<AnswerSnapshot>();

    /// <summary>Derived: each submission's answers packed for the scoring read (ADR 0092).</summary>
    public DbSet<PackedAnswers> PackedAnswers => Set<PackedAnswers>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<ScoreSnapshot> ScoreSnapshots => Set<ScoreSnapshot>();

    public DbSet<ScoreSnapshotEntry> ScoreSnapshotEntries => Set<ScoreSnapshotEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Calls made with API tokens, kept for a bounded time (ADR 0105).</summary>
    public DbSet<ApiCall> ApiCalls => Set<ApiCall>();

    /// <summary>Responses to POSTs sent with an Idempotency-Key (ADR 0105).</summary>
    public DbSet<ApiIdempotencyRecord> ApiIdempotencyRecords => Set<ApiIdempotencyRecord>();

    /// <summary>Invitation, password-reset and setup links, stored as hashes (ADR 0095).</summary>
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<CouncilSeries> CouncilSeries => Set<CouncilSeries>();

    public DbSet<CouncilMeeting> CouncilMeetings => Set<CouncilMeeting>();

    public DbSet<CouncilAgendaItem> CouncilAgendaItems => Set<CouncilAgendaItem>();

    public DbSet<CouncilInvitation> CouncilInvitations => Set<CouncilInvitation>();

    public DbSet<CouncilInvitee> CouncilInvitees => Set<CouncilInvitee>();

    public DbSet<CouncilAttachment> CouncilAttachments => Set<CouncilAttachment>();

    public DbSet<CouncilDecision> CouncilDecisions => Set<CouncilDecision>();

    public DbSet<CouncilDecisionOwner> CouncilDecisionOwners => Set<CouncilDecisionOwner>();

    public DbSet<CouncilProgressNote> CouncilProgressNotes => Set<CouncilProgressNote>();

    public DbSet<CouncilEvidence> CouncilEvidence => Set<CouncilEvidence>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    public DbSet<InquiryPause> InquiryPauses => Set<InquiryPause>();

    public DbSet<WorkingCalendar> WorkingCalendars => Set<WorkingCalendar>();

    public DbSet<WorkingDayException> WorkingDayExceptions => Set<WorkingDayException>();

    public DbSet<InquiryTarget> InquiryTargets => Set<InquiryTarget>();
    // Media relations and campaigns (ADR 0099).
    public DbSet<MediaOutlet> MediaOutlets => Set<MediaOutlet>();

    public DbSet<Journalist> Journalists => Set<Journalist>();

    public DbSet<MediaInteraction> MediaInteractions => Set<MediaInteraction>();

    public DbSet<InteractionParticipant> InteractionParticipants => Set<InteractionParticipant>();

    public DbSet<MediaCoverage> MediaCoverage => Set<MediaCoverage>();

    public DbSet<CampaignPlan> CampaignPlans => Set<CampaignPlan>();

    public DbSet<CampaignObjective> CampaignObjectives => Set<CampaignObjective>();

    public DbSet<CampaignEvaluationItem> CampaignEvaluationItems => Set<CampaignEvaluationItem>();

    public DbSet<CampaignPartner> CampaignPartners => Set<CampaignPartner>();

    // Webhooks (ADR 0108).
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookSettings> WebhookSettings => Set<WebhookSettings>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every app instance (ADR 0070).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who the changes saved through this context are recorded for (<see cref="AuditExtensions.AuditAs"/>).</summary>
    public AuditScope Audit { get; } = new();

    // Here rather than at registration, so that no way of creating a context (factory, tests,
    // design time) can save an audited entity without its audit event.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(AuditInterceptor.Shared);


    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StrategyGovDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Weights, values and scores: exact decimals. SQLite stores them as text, so never order or
        // compare them on the server; services compute in memory.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
