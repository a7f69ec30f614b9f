using StrategyGov.Data.Reporting;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>How a validated change is written into an answer, by the editor and by the Excel import alike.</summary>
internal static class AnswerUpdate
{
    public static void Apply(Answer answer, decimal? value, bool notApplicable, string? justification, string? comment, DateTime now, string? userId)
    {
        // A decision verifies the value it was made on. A value changed after it (a returned
        // submission) is unverified again: the reviewer decides anew, and until then the score is
        // provisional. The reviewer's comment stays so the institution still sees why.
        if (answer.Decision is not null && (answer.Value != value || answer.NotApplicable != notApplicable))
        {
            answer.Decision = null;
            answer.VerifiedValue = null;
            answer.ReviewedById = null;
            answer.ReviewedAt = null;
        }

        answer.Value = value;
        answer.NotApplicable = notApplicable;
        answer.Justification = notApplicable ? justification?.Trim() : null;
        answer.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        answer.UpdatedAt = now;
        answer.UpdatedById = userId;
    }
}
