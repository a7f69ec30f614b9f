using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The national register through its service (ADR 0099): institutions propose and correct their own
/// proposals, the center verifies and merges; contacts are hidden from officials; who deals with whom is
/// the center's and officials' view. Every refusal tried as the wrong role and as another institution.
/// </summary>
public sealed class JournalistRegisterTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private JournalistService Register => app.Service<JournalistService>();

    private static JournalistForm Form(string nameAr, int? outletId, string? email = null) => new()
    {
        NameAr = nameAr,
        NameEn = null,
        OutletId = outletId,
        Role = JournalistRole.Reporter,
        Beat = MediaBeat.Health,
        Email = email,
        Phone = "+٩٦٨ ٩٩٠٠ ١٢٣٤",
        Languages = [MediaLanguage.Arabic],
    };

    [Fact]
    public async Task Propose_InstitutionUser_IsProposedByItsInstitutionAndAudited()
    {
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var outletId = await app.OutletIdAsync(MediaData.Watan);

        var id = await Register.SaveAsync(contributor, null, Form("زكريا بن سعيد العامري", outletId, "z.alamri@watan.example"), None);

        await using var db = await app.DbAsync();
        var stored = await db.Journalists.SingleAsync(j => j.Id == id);
        Assert.Equal(RegisterStatus.Proposed, stored.Status);
        Assert.Equal(await app.InstitutionIdAsync("MOH"), stored.ProposedByInstitutionId);
        Assert.Equal("+968 9900 1234", stored.Phone);
        Assert.Equal("زكريا سعيد العامري", stored.NameKey);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Journalist) && e.EntityKey == key && e.ActorUserId == contributor.UserId));
    }

    [Fact]
    public async Task Add_Center_IsVerifiedAtOnce()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);

        var id = await Register.SaveAsync(reviewer, null, Form("هدى بنت علي البلوشية", null), None);

        var row = (await Register.GetAsync(reviewer, id, None)).Journalist;
        Assert.Equal(RegisterStatus.Verified, row.Status);
        Assert.Null(row.ProposedBy);
    }

    [Theory]
    [InlineData("سالم بن حمد البوسعيدي")]   // the seeded name exactly
    [InlineData("سالم حمد البوسعيدى")]      // the same name written another way
    public async Task Propose_SameNameAtTheSameOutlet_IsRefusedNamingTheEntry(string name)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var outletId = await app.OutletIdAsync(MediaData.Watan);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Register.SaveAsync(director, null, Form(name, outletId), None));

        Assert.Equal("Media_JournalistDuplicate", refused.Message);
        Assert.Equal("سالم بن حمد البوسعيدي", refused.Arguments[0]);
    }

    [Theory]
    [InlineData("bad-address", "Media_EmailInvalid")]
    [InlineData(null, null)]
    public async Task Propose_BadEmail_IsRefusedAndNothingIsStored(string? email, string? error)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var name = $"اختبار البريد {Guid.NewGuid():N}";

        var exception = await Record.ExceptionAsync(() => Register.SaveAsync(director, null, Form(name, null, email), None));

        Assert.Equal(error, (exception as RuleViolationException)?.Message);
        await using var db = await app.DbAsync();
        Assert.Equal(error is null ? 1 : 0, await db.Journalists.CountAsync(j => j.NameAr == name));
    }

    [Fact]
    public async Task Edit_AnotherInstitutionsProposal_IsAccessDenied_ItsOwnIsAllowedUntilVerified()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var id = await Register.SaveAsync(east, null, Form("منصور بن خالد الدوسري", null), None);

        var byMoh = await Record.ExceptionAsync(() => Register.SaveAsync(moh, id, Form("منصور الدوسري", null), None));
        await Register.SaveAsync(east, id, Form("منصور بن خالد الدوسري", null, "m.aldosari@sharqiya.example"), None);
        await Register.VerifyAsync(await app.ActorAsync(DemoUsers.Admin), id, None);
        var afterVerified = await Record.ExceptionAsync(() => Register.SaveAsync(east, id, Form("منصور", null), None));

        Assert.IsType<AccessDeniedException>(byMoh);
        Assert.IsType<AccessDeniedException>(afterVerified);
        Assert.Equal("m.aldosari@sharqiya.example", (await Register.GetAsync(moh, id, None)).Journalist.Contacts?.Email);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Official)]
    public async Task CenterOnly_VerifyAndMerge_AreRefusedToOthers(string email)
    {
        var user = await app.ActorAsync(email);
        var proposed = await app.JournalistIdAsync("Turki Al Shammari");
        var fahad = await app.JournalistIdAsync(MediaData.Fahad);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.VerifyAsync(user, proposed, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.MergeAsync(user, proposed, fahad, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.MergeOutletAsync(user, 1, 2, None));
    }

    [Fact]
    public async Task Official_ReadsTheRegisterWithoutContacts_InstitutionUsersSeeThem()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var director = await app.ActorAsync(DemoUsers.DirectorEast);

        var seenByOfficial = await Register.ListAsync(official, new JournalistFilter(Search: "البوسعيدي"), None);
        var seenByDirector = await Register.ListAsync(director, new JournalistFilter(Search: "البوسعيدى"), None);

        Assert.Null(Assert.Single(seenByOfficial).Contacts);
        Assert.Equal("+968 9123 4501", Assert.Single(seenByDirector).Contacts?.Phone);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.SaveAsync(official, null, Form("مسؤول", null), None));
    }

    [Fact]
    public async Task Detail_InstitutionUserSeesOnlyItsOwnInteractions_CenterSeesWhoDealsWithWhom()
    {
        var noura = await app.JournalistIdAsync(MediaData.Noura);

        var asMoh = await Register.GetAsync(await app.ActorAsync(DemoUsers.DirectorMoh), noura, None);
        var asCenter = await Register.GetAsync(await app.ActorAsync(DemoUsers.Reviewer), noura, None);

        Assert.Null(asMoh.Relations);
        Assert.All(asMoh.Interactions, i => Assert.Equal("MOH", i.Institution.Code));
        Assert.NotEmpty(asMoh.Interactions);
        Assert.Equal(["CIVIL-DEFENCE", "MOH", "MOI", "MOMRA"], asCenter.Relations!.Select(r => r.Institution.Code).Order(StringComparer.Ordinal));
        Assert.Equal(asCenter.Interactions.Count, asCenter.Relations!.Sum(r => r.Interactions));
        Assert.Equal(2, asCenter.Relations!.Single(r => r.Institution.Code == "MOH").Interactions);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task Relations_InstitutionUser_IsAccessDenied(string email)
    {
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Register.RelationsAsync(await app.ActorAsync(email), null, null, None));
    }

    [Fact]
    public async Task Relations_Official_ListsEveryInstitutionOfAJournalist()
    {
        var rows = await Register.RelationsAsync(await app.ActorAsync(DemoUsers.Official), await app.InstitutionIdAsync("AMN-EAST"), null, None);

        var fahad = rows.Single(r => r.NameEn == MediaData.Fahad);
        Assert.Contains(fahad.Institutions, i => i.Institution.Code == "MOMRA");
        Assert.Contains(fahad.Institutions, i => i.Institution.Code == "AMN-EAST");
        Assert.All(rows, r => Assert.Contains(r.Institutions, i => i.Institution.Code == "AMN-EAST"));
    }

    [Fact]
    public async Task Merge_PossibleDuplicate_ItsInteractionsMoveToTheSurvivorAndItIsNoLongerListed()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var survivor = await app.JournalistIdAsync(MediaData.Fahad);
        await using (var db = await app.DbAsync())
        {
            var duplicate = await db.Journalists.SingleAsync(j => j.NameAr == "فهد العتيبي");
            Assert.Contains(survivor, (await Register.GetAsync(admin, duplicate.Id, None)).Journalist.PossibleDuplicateIds);

            // A participation of the duplicate, logged before the merge.
            var interaction = await db.MediaInteractions.FirstAsync(i => i.Institution.Code == "AMN-EAST");
            db.InteractionParticipants.Add(new InteractionParticipant { InteractionId = interaction.Id, InstitutionId = interaction.InstitutionId, JournalistId = duplicate.Id });
            await db.SaveChangesAsync();

            await Register.MergeAsync(admin, duplicate.Id, survivor, None);

            db.ChangeTracker.Clear();
            Assert.Equal(RegisterStatus.Merged, (await db.Journalists.SingleAsync(j => j.Id == duplicate.Id)).Status);
            Assert.False(await db.InteractionParticipants.AnyAsync(p => p.JournalistId == duplicate.Id));
            Assert.DoesNotContain(await Register.ListAsync(admin, new JournalistFilter(), None), r => r.Id == duplicate.Id);
            await Assert.ThrowsAsync<NotFoundException>(() => Register.GetAsync(admin, duplicate.Id, None));
            var key = duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(await db.AuditEvents.Where(e => e.EntityType == nameof(Journalist) && e.EntityKey == key).Select(e => e.Reason).ToListAsync(),
                reason => reason != null && reason.StartsWith("Merged journalist", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Outlet_ProposeDuplicateByEnglishName_IsRefused()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Register.SaveOutletAsync(director, null, new OutletForm { NameAr = "التلفزيون الوطني الجديد", NameEn = "national television", Kind = OutletKind.Television }, None));

        Assert.Equal("Media_OutletDuplicate", refused.Message);
    }
}
