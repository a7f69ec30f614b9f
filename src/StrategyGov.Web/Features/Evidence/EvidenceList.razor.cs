using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>The evidence of one answer: listed with expiry flags; files and links added or removed while editable.</summary>
public partial class EvidenceList
{
    private string? _link;
    private DateTime? _validUntil;
    private string? _error;
    private string? _notice;
    private bool _busy;
    private bool _adding;

    /// <summary>The submission the answer belongs to.</summary>
    [Parameter, EditorRequired] public int SubmissionId { get; set; }

    /// <summary>The indicator answered.</summary>
    [Parameter, EditorRequired] public int IndicatorId { get; set; }

    /// <summary>The evidence as stored.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<EvidenceItem> Items { get; set; } = [];

    /// <summary>How many valid items the indicator requires (0: none).</summary>
    [Parameter] public int Required { get; set; }

    /// <summary>Who is looking.</summary>
    [Parameter, EditorRequired] public Actor Actor { get; set; } = null!;

    /// <summary>List only (locked submission, review).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Raised with the new list after an item was added or removed.</summary>
    [Parameter] public EventCallback<IReadOnlyList<EvidenceItem>> Changed { get; set; }

    /// <summary>Show the controls to add evidence without "Add evidence" first (the answer claims something and lacks it).</summary>
    [Parameter] public bool Wanted { get; set; }

    private bool ShowControls => Wanted || _adding || _error is not null;

    private int ValidCount => Items.Count(i => !i.IsExpired);

    private long MaxMegabytes => EvidenceService.MaxBytes / (1024 * 1024);

    internal static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    private DateOnly? ValidUntil => _validUntil is { } d ? DateOnly.FromDateTime(d) : null;

    private Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return Task.CompletedTask;
        }

        // The service checks the size again while reading; this only spares sending a file that is too large.
        if (file.Size > EvidenceService.MaxBytes)
        {
            _error = L["Evidence_TooLarge", MaxMegabytes];
            return Task.CompletedTask;
        }

        return RunAsync(async ct =>
        {
            await using var stream = file.OpenReadStream(EvidenceService.MaxBytes + 1);
            var upload = await EvidenceService.UploadAsync(Actor, SubmissionId, IndicatorId, file.Name, stream, ValidUntil, ct);
            _notice = Notice(upload);
            if (upload.Added is { } added)
            {
                await Changed.InvokeAsync([.. Items, added]);
            }
        });
    }

    private Task AddLinkAsync() => RunAsync(async ct =>
    {
        var added = await EvidenceService.AddLinkAsync(Actor, SubmissionId, IndicatorId, _link ?? string.Empty, ValidUntil, ct);
        _link = null;
        await Changed.InvokeAsync([.. Items, added]);
    });

    private Task RemoveAsync(EvidenceItem item) => RunAsync(async ct =>
    {
        await EvidenceService.RemoveAsync(Actor, item.Id, ct);
        await Changed.InvokeAsync(Items.Where(i => i.Id != item.Id).ToList());
    });

    /// <summary>What the user should know about a duplicate (same SHA-256) after an upload, if anything.</summary>
    private string? Notice(EvidenceUpload upload) => upload switch
    {
        { Added: null, AlreadyAttachedAs: { } name } => L["Evidence_AlreadyAttached", Bidi.Isolate(name)].Value,
        { AlsoOn.Count: > 0 } => L["Evidence_AlsoAttachedTo", Bidi.Ltr(string.Join("، ", upload.AlsoOn))].Value,
        _ => null,
    };

    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            _error = await ChangeAsync(action);
        }
        finally
        {
            _busy = false;
        }
    }
}
