using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>The app with small evidence limits: 64 KB a file, 6 files and 200 KB an upload of several.</summary>
public sealed class SmallBatchLimitApp : StrategyGovAppFactory
{
    public const long MaxBytes = 64 * 1024;
    public const int MaxBatchFiles = 6;
    public const long MaxBatchBytes = 200 * 1024;

    public SmallBatchLimitApp() => With("Evidence:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Evidence:MaxBatchFiles", MaxBatchFiles.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Evidence:MaxBatchBytes", MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Several evidence files or a zip at once (issue 25): each matched to an indicator by the code in its
/// name, previewed with nothing saved, attached on confirmation; the evidence rules per file, the zip
/// limits (entries, unzipped size, paths), duplicates, and only the institution's own editable draft.
/// </summary>
public sealed class EvidenceBatchTests(SmallBatchLimitApp app) : IClassFixture<SmallBatchLimitApp>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private EvidenceBatchService Batches => app.Service<EvidenceBatchService>();

    [Fact]
    public async Task PreviewThenAttach_FilesAndAZip_MatchesEachFileAndSavesOnlyOnConfirmation()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var zip = SampleFiles.Zip(("P1.2.3 خطة الأزمات.pdf", SampleFiles.Pdf(1201)), ("مجلد/P1.1.3 المصفوفة.docx", SampleFiles.Docx()));
        var before = StoreFiles();

        using var batch = await Batches.PreviewAsync(director, submissionId,
            [Upload("P1.1.1 الهيكل التنظيمي.pdf", SampleFiles.Pdf(1200)), Upload("خطة بلا رمز.pdf", SampleFiles.Pdf(1202)),
             Upload("P1.1.3 setup.pdf", SampleFiles.Executable()), Upload("الشواهد.zip", zip), Upload("P1.1.1 P1.1.3.pdf", SampleFiles.Pdf(1203))], None);

        Assert.Equal(
            new (string, BatchFileStatus, string?)[]
            {
                ("P1.1.1 الهيكل التنظيمي.pdf", BatchFileStatus.Ready, "P1.1.1"),
                ("خطة بلا رمز.pdf", BatchFileStatus.NoIndicator, null),
                ("P1.1.3 setup.pdf", BatchFileStatus.Refused, null),
                ("P1.2.3 خطة الأزمات.pdf", BatchFileStatus.Ready, "P1.2.3"),
                ("مجلد/P1.1.3 المصفوفة.docx", BatchFileStatus.Ready, "P1.1.3"),
                ("P1.1.1 P1.1.3.pdf", BatchFileStatus.SeveralIndicators, null),
            },
            batch.Files.Select(f => (f.Name, f.Status, f.IndicatorCode)));
        Assert.Equal("Evidence_TypeNotAllowed", batch.Files[2].Problem!.Key);
        Assert.Equal("الشواهد.zip", batch.Files[3].Archive);
        Assert.Equal(3, batch.ReadyCount);
        Assert.Equal(before, StoreFiles());
        Assert.Empty(await app.Service<EvidenceService>().ListAsync(director, submissionId, None));

        await using var db = await app.DbAsync();
        var lastEvent = await db.AuditEvents.MaxAsync(e => e.Sequence);
        var attached = await Batches.AttachAsync(director, batch, None);

        Assert.Equal(3, attached);
        var listed = (await app.Service<EvidenceService>().ListAsync(director, submissionId, None)).Values.SelectMany(v => v).ToList();
        Assert.Equal(
            new[] { "P1.1.1 الهيكل التنظيمي.pdf", "P1.1.3 المصفوفة.docx", "P1.2.3 خطة الأزمات.pdf" },
            listed.Select(e => e.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, StoreFiles().Except(before).Count());
        var audited = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > lastEvent && e.EntityType == nameof(Data.Reporting.Evidence) && e.Action == AuditAction.Created)
            .ToListAsync();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, e => Assert.Equal(director.UserId, e.ActorUserId));
    }

    [Fact]
    public async Task Preview_SameFileAlreadyOnTheAnswerOrTwiceInTheUpload_IsADuplicateAndAttachedOnce()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var item = await app.Service<SubmissionService>().ItemAsync(contributor, submissionId, "P1.1.1");
        var plan = SampleFiles.Pdf(1300);
        using (var stream = new MemoryStream(plan))
        {
            await app.Service<EvidenceService>().UploadAsync(contributor, submissionId, item.IndicatorId, "الهيكل.pdf", stream, null, None);
        }

        var survey = SampleFiles.Pdf(1301);

        using var batch = await Batches.PreviewAsync(contributor, submissionId,
            [Upload("P1.1.1 نسخة.pdf", plan), Upload("P1.1.3 الهيكل أيضًا.pdf", plan), Upload("P1.2.3 أ.pdf", survey), Upload("P1.2.3 ب.pdf", survey)], None);

        Assert.Equal(
            new[] { BatchFileStatus.Duplicate, BatchFileStatus.Ready, BatchFileStatus.Ready, BatchFileStatus.Duplicate },
            batch.Files.Select(f => f.Status));
        Assert.Equal("الهيكل.pdf", batch.Files[0].DuplicateOf);
        Assert.Equal(new[] { "P1.1.1" }, batch.Files[1].AlsoOn);
        Assert.Equal("P1.2.3 أ.pdf", batch.Files[3].DuplicateOf);
        Assert.Equal(2, await Batches.AttachAsync(contributor, batch, None));
        Assert.Equal(3, (await app.Service<EvidenceService>().ListAsync(contributor, submissionId, None)).Values.Sum(v => v.Count));
    }

    [Fact]
    public async Task Preview_ZipWithMoreEntriesThanAllowed_IsRefusedWhole()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var entries = Enumerable.Range(1, SmallBatchLimitApp.MaxBatchFiles + 1).Select(n => ($"P1.1.1 {n}.pdf", SampleFiles.Pdf(700 + n))).ToArray();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Batches.PreviewAsync(director, submissionId, [Upload("many.zip", SampleFiles.Zip(entries))], None));

        Assert.Equal("Evidence_BatchTooManyFiles", refused.Message);
        Assert.Equal(SmallBatchLimitApp.MaxBatchFiles, Assert.Single(refused.Arguments));
    }

    [Fact]
    public async Task Preview_ZipThatUnpacksToMoreThanAllowed_IsRefusedBeforeUnpacking()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var bomb = new byte[10 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(bomb);
        var zip = SampleFiles.Zip(("P1.1.1 كبير.pdf", bomb));
        var before = StoreFiles();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Batches.PreviewAsync(director, submissionId, [Upload("bomb.zip", zip)], None));

        Assert.True(zip.Length < 64 * 1024, "the zip itself is small");
        Assert.Equal("Evidence_BatchTooLarge", refused.Message);
        Assert.Equal(before, StoreFiles());
    }

    [Fact]
    public async Task Preview_ZipEntriesOutsideTheFolderOrTooLargeOrAZipThatIsNot_AreRefusedOneByOne()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var zip = SampleFiles.Zip(
            ("../P1.1.1 outside.pdf", SampleFiles.Pdf(801)),
            ("/etc/P1.1.3.pdf", SampleFiles.Pdf(802)),
            ("P1.2.3 large.pdf", SampleFiles.Pdf((int)SmallBatchLimitApp.MaxBytes + 1)),
            ("P1.1.1 inside.pdf", SampleFiles.Pdf(803)));

        using var batch = await Batches.PreviewAsync(director, submissionId, [Upload("mixed.zip", zip), Upload("fake.zip", SampleFiles.Pdf(804))], None);

        Assert.Equal(
            new (BatchFileStatus, string?)[]
            {
                (BatchFileStatus.Refused, "Evidence_ZipPathOutside"),
                (BatchFileStatus.Refused, "Evidence_ZipPathOutside"),
                (BatchFileStatus.Refused, "Evidence_TooLarge"),
                (BatchFileStatus.Ready, null),
                (BatchFileStatus.Refused, "Evidence_ZipInvalid"),
            },
            batch.Files.Select(f => (f.Status, f.Problem?.Key)));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast, typeof(NotFoundException))]
    [InlineData(DemoUsers.Reviewer, typeof(AccessDeniedException))]
    [InlineData(DemoUsers.Official, typeof(AccessDeniedException))]
    public async Task PreviewAndAttach_SomeoneOutsideTheInstitution_AreRefused(string email, Type expected)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var user = await app.ActorAsync(email);
        using var own = await Batches.PreviewAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, [Upload("P1.1.1 x.pdf", SampleFiles.Pdf(901))], None);
        var before = StoreFiles();

        await Assert.ThrowsAsync(expected, () => Batches.PreviewAsync(user, submissionId, [Upload("P1.1.1 y.pdf", SampleFiles.Pdf(902))], None));
        await Assert.ThrowsAsync(expected, () => Batches.AttachAsync(user, own, None));

        Assert.Equal(before, StoreFiles());
        await using var db = await app.DbAsync();
        Assert.False(await db.Evidence.AnyAsync(e => e.SubmissionId == submissionId));
    }

    [Fact]
    public async Task Attach_AfterTheSubmissionWasSubmitted_IsRefusedAndAttachesNothing()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        using var batch = await Batches.PreviewAsync(director, submissionId, [Upload("P1.2.3 late.pdf", SampleFiles.Pdf(1001))], None);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        var count = (await app.Service<EvidenceService>().ListAsync(director, submissionId, None)).Values.Sum(v => v.Count);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Batches.AttachAsync(director, batch, None));
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => Batches.PreviewAsync(director, submissionId, [Upload("P1.2.3 late.pdf", SampleFiles.Pdf(1001))], None));

        Assert.Equal("Submission_Locked", refused.Message);
        Assert.Equal("Submission_Locked", again.Message);
        Assert.Equal(count, (await app.Service<EvidenceService>().ListAsync(director, submissionId, None)).Values.Sum(v => v.Count));
    }

    private static BatchUpload Upload(string name, byte[] content) => new(name, () => new MemoryStream(content));

    private List<string> StoreFiles() => SampleFiles.StoreFiles(app.EvidencePath);
}
