using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Each institution's media log through its service (ADR 0099): logged and changed by the institution's own
/// people, read by them and by the center and officials, never by another institution (not found); bad input
/// refused with its message and nothing stored; every change audited under the institution.
/// </summary>
public sealed class InteractionServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private InteractionService Interactions => app.Service<InteractionService>();

    private DateOnly Today => Interactions.Today;

    [Fact]
    public async Task Log_ContributorWithTwoJournalistsAndCoverage_IsListedWithItsCoverageAndAudited()
    {
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var form = await app.PressConferenceAsync(Today.AddDays(-1), "مؤتمر عن مواعيد العيادات المسائية");

        var id = await Interactions.SaveAsync(contributor, null, form, None);
        await Interactions.SaveCoverageAsync(contributor, null, new CoverageForm
        {
            InteractionId = id, OutletId = await app.OutletIdAsync(MediaData.Watan), PublishedOn = Today, Headline = "العيادات المسائية في كل المحافظات",
            Url = "https://watan.example/clinics", Tone = CoverageTone.Positive, Reach = "٨٥٬٠٠٠",
        }, None);

        var row = await Interactions.GetAsync(contributor, id, None);
        Assert.Equal(["Salim Al Busaidi", "Maryam Al Shukaili"], row.Participants.Select(p => p.JournalistEn).Order().Reverse());
        Assert.Equal(["Al Watan Al Jadeed daily", "National Television"], row.Participants.Select(p => p.OutletEn!).Order(StringComparer.Ordinal));
        var coverage = Assert.Single(row.Coverage);
        Assert.Equal(85000, coverage.Reach);
        Assert.True(row.CanEdit);
        await using var db = await app.DbAsync();
        var mohId = await app.InstitutionIdAsync("MOH");
        Assert.Equal(4, await db.AuditEvents.CountAsync(e => e.InstitutionId == mohId && e.ActorUserId == contributor.UserId
            && (e.EntityType == nameof(MediaInteraction) || e.EntityType == nameof(InteractionParticipant) || e.EntityType == nameof(MediaCoverage))
            && e.OccurredAt > DateTime.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task OtherInstitution_CannotReadChangeDeleteOrListIt_NotFound()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var id = await Interactions.SaveAsync(moh, null, await app.PressConferenceAsync(Today), None);
        var mohId = await app.InstitutionIdAsync("MOH");

        await Assert.ThrowsAsync<NotFoundException>(() => Interactions.GetAsync(east, id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Interactions.GetFormAsync(east, id, None));
        await Assert.ThrowsAsync<NotFoundException>(async () => await Interactions.SaveAsync(east, id, await app.PressConferenceAsync(Today, "تغيير"), None));
        await Assert.ThrowsAsync<NotFoundException>(() => Interactions.DeleteAsync(east, id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Interactions.ListAsync(east, new InteractionFilter(InstitutionId: mohId), None));
        Assert.DoesNotContain(await Interactions.ListAsync(east, new InteractionFilter(), None), r => r.Institution.Code != "AMN-EAST");
        Assert.DoesNotContain(await Interactions.CoverageAsync(east, new InteractionFilter(), None), c => c.Institution.Code != "AMN-EAST");
        Assert.Equal("مؤتمر صحفي عن مستجدات الخدمات", (await Interactions.GetAsync(moh, id, None)).Topic);
    }

    [Theory]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.Reviewer)]
    public async Task CenterAndOfficials_ReadEveryInstitutionButLogNothing(string email)
    {
        var user = await app.ActorAsync(email);

        var rows = await Interactions.ListAsync(user, new InteractionFilter(), None);

        Assert.Contains(rows, r => r.Institution.Code == "AMN-EAST");
        Assert.Contains(rows, r => r.Institution.Code == "MOMRA");
        Assert.All(rows, r => Assert.False(r.CanEdit));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Interactions.SaveAsync(user, null, await app.PressConferenceAsync(Today), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Interactions.DeleteAsync(user, rows[0].Id, None));
    }

    [Fact]
    public async Task Log_InTheFutureOrAMeetingWithoutJournalists_IsRefusedAndNothingIsStored()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var future = await app.PressConferenceAsync(Today.AddDays(1), "مؤتمر الغد");
        var meeting = new InteractionForm { Kind = InteractionKind.Meeting, OccurredOn = Today, Topic = "لقاء بلا إعلاميين", OutletIds = [await app.OutletIdAsync(MediaData.Watan)] };

        var first = await Assert.ThrowsAsync<RuleViolationException>(() => Interactions.SaveAsync(director, null, future, None));
        var second = await Assert.ThrowsAsync<RuleViolationException>(() => Interactions.SaveAsync(director, null, meeting, None));

        Assert.Equal("Media_InteractionInFuture", first.Message);
        Assert.Equal("Media_MeetingNeedsJournalist", second.Message);
        await using var db = await app.DbAsync();
        Assert.False(await db.MediaInteractions.AnyAsync(i => i.Topic == "مؤتمر الغد" || i.Topic == "لقاء بلا إعلاميين"));
    }

    [Theory]
    [InlineData("ألف", "not-a-link", "Media_UrlInvalid")]
    [InlineData("-3", null, "Media_ReachInvalid")]
    [InlineData("كثير", null, "Media_ReachInvalid")]
    [InlineData("١٢٠", "https://watan.example/a", null)]
    public async Task Coverage_BadReachOrLink_IsRefusedWithItsMessage(string reach, string? url, string? error)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var form = new CoverageForm { OutletId = await app.OutletIdAsync(MediaData.Watan), PublishedOn = Today, Headline = $"تغطية {Guid.NewGuid():N}", Url = url, Reach = reach };
        if (url == "not-a-link")
        {
            form.Reach = null;
        }

        var exception = await Record.ExceptionAsync(() => Interactions.SaveCoverageAsync(director, null, form, None));

        Assert.Equal(error, (exception as RuleViolationException)?.Message);
    }

    [Fact]
    public async Task Coverage_OfAnotherInstitutionsInteractionOrCampaign_IsRefused()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var mohInteraction = (await Interactions.ListAsync(await app.ActorAsync(DemoUsers.DirectorMoh), new InteractionFilter(), None))[0].Id;
        var form = new CoverageForm { OutletId = await app.OutletIdAsync(MediaData.Watan), PublishedOn = Today, Headline = "تغطية", InteractionId = mohInteraction };
        var campaign = new CoverageForm { OutletId = form.OutletId, PublishedOn = Today, Headline = "تغطية", CampaignId = await app.CampaignIdAsync(MediaData.FluCampaign) };

        await Assert.ThrowsAsync<NotFoundException>(() => Interactions.SaveCoverageAsync(east, null, form, None));
        Assert.Equal("Media_CampaignNotOwned", (await Assert.ThrowsAsync<RuleViolationException>(() => Interactions.SaveCoverageAsync(east, null, campaign, None))).Message);
    }

    [Fact]
    public async Task Edit_ChangesParticipantsOneByOne_UnchangedOnesAreNotRewritten()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var form = await app.PressConferenceAsync(Today, "مؤتمر للتعديل");
        var id = await Interactions.SaveAsync(director, null, form, None);
        await using var db = await app.DbAsync();
        var before = await db.InteractionParticipants.Where(p => p.InteractionId == id).Select(p => p.Id).ToListAsync();

        form.JournalistIds = [form.JournalistIds.First(), await app.JournalistIdAsync(MediaData.Noura)];
        await Interactions.SaveAsync(director, id, form, None);

        var after = await db.InteractionParticipants.Where(p => p.InteractionId == id).Select(p => p.Id).ToListAsync();
        Assert.Equal(2, after.Count);
        Assert.Single(after.Intersect(before));
    }

    [Fact]
    public async Task Panel_Institution_CountsItsOwnPeriod_CenterCountsTheNation()
    {
        var dashboard = app.Service<MediaDashboardService>();

        var own = await dashboard.PanelAsync(await app.ActorAsync(DemoUsers.DirectorEast), null, None);
        var national = await dashboard.PanelAsync(await app.ActorAsync(DemoUsers.Official), null, None);

        Assert.Equal(SeededData.OpenPeriod, own!.PeriodCode);
        Assert.True(own.InteractionCount >= 3);
        Assert.Empty(own.MostActive);
        Assert.True(national!.InteractionCount > own.InteractionCount);
        Assert.Contains(national.MostActive, m => m.Institution.Code == "MOH");
        Assert.True(national.Tone.GetValueOrDefault(CoverageTone.Negative) >= 2);
        Assert.True(national.Campaigns.GetValueOrDefault(StrategyGov.Data.Media.CampaignStatus.Evaluated) >= 1);
    }
}
