namespace StrategyGov.Data.Auditing;

/// <summary>
/// Marks an entity whose every change (added, modified, deleted) is recorded in the audit trail, in
/// the same transaction as the change itself (<see cref="AuditInterceptor"/>). Say who acts with
/// <see cref="AuditExtensions.AuditAs"/> before saving; changes saved without it are recorded as "system".
/// </summary>
public interface IAudited;

/// <summary>An audited entity that belongs to one institution: its events are shown to that institution.</summary>
public interface IInstitutionOwned
{
    int InstitutionId { get; }
}

/// <summary>
/// An audited entity that may belong to one institution (a user account, an account link): its events are
/// shown to that institution when it has one, and only to the center otherwise.
/// </summary>
public interface IMaybeInstitutionOwned
{
    int? InstitutionId { get; }
}

/// <summary>
/// An audited entity that belongs to an institution through a submission: the interceptor looks the
/// institution up. Entities further down (evidence of an answer, …) carry the submission id too.
/// </summary>
public interface ISubmissionOwned
{
    int SubmissionId { get; }
}

/// <summary>A property never written to the audit trail (secrets, large blobs).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
