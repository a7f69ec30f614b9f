using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>Uploads several evidence files or zips to a submission: preview first, attach on confirmation.</summary>
public partial class EvidenceBatchPanel
{
    private EvidenceBatch? _batch;
    private string? _error;
    private bool _busy;

    [Inject] private EvidenceBatchService Batches { get; set; } = null!;

    [Inject] private IOptions<EvidenceOptions> Limits { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The submission the files are for (an editable one of the actor's institution).</summary>
    [Parameter, EditorRequired] public int SubmissionId { get; set; }

    /// <summary>Who is uploading.</summary>
    [Parameter, EditorRequired] public Actor Actor { get; set; } = null!;

    /// <summary>Raised once files were attached, so the answers show their new evidence.</summary>
    [Parameter] public EventCallback Attached { get; set; }

    private static string Accept => FileSignature.AcceptAttribute + ",.zip";

    private static Color StatusColor(BatchFileStatus status) => status switch
    {
        BatchFileStatus.Ready => Color.Success,
        BatchFileStatus.Duplicate => Color.Warning,
        _ => Color.Error,
    };

    private string Describe(BatchFile file) => file switch
    {
        { Status: BatchFileStatus.Ready, AlsoOn.Count: > 0 } => L["EvidenceBatch_ReadyAlsoOn", Bidi.Ltr(string.Join("، ", file.AlsoOn))].Value,
        { Status: BatchFileStatus.Ready } => L["EvidenceBatch_Ready"].Value,
        { Status: BatchFileStatus.NoIndicator } => L["EvidenceBatch_NoIndicator"].Value,
        { Status: BatchFileStatus.Duplicate } => L["EvidenceBatch_Duplicate", Bidi.Isolate(file.DuplicateOf)].Value,
        { Problem: { } problem } => L[problem.Key, problem.Arguments].Value,
        _ => string.Empty,
    };

    private async Task PreviewAsync(IReadOnlyList<IBrowserFile>? files)
    {
        Discard();
        if (files is not { Count: > 0 })
        {
            return;
        }

        // The service counts again while reading; these only spare sending what cannot be accepted.
        var limits = Limits.Value;
        if (files.Count > limits.MaxBatchFiles)
        {
            _error = L["Evidence_BatchTooManyFiles", limits.MaxBatchFiles];
            return;
        }

        if (files.Sum(f => f.Size) > limits.MaxBatchBytes)
        {
            _error = L["Evidence_BatchTooLarge", limits.MaxBatchBytes / (1024 * 1024)];
            return;
        }

        var uploads = files.Select(f => new BatchUpload(f.Name, () => f.OpenReadStream(limits.MaxBatchBytes))).ToList();
        await RunAsync(async ct => _batch = await Batches.PreviewAsync(Actor, SubmissionId, uploads, ct));
    }

    private Task AttachAsync() => RunAsync(async ct =>
    {
        var attached = await Batches.AttachAsync(Actor, _batch!, ct);
        Discard();
        Snackbar.Add(L["EvidenceBatch_Attached", attached], Severity.Success);
        await Attached.InvokeAsync();
    });

    private void Discard()
    {
        _batch?.Dispose();
        _batch = null;
        _error = null;
    }

    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            _error = await ChangeAsync(action);
        }
        finally
        {
            _busy = false;
        }
    }

    protected override void Dispose(bool disposing) => _batch?.Dispose();
}
