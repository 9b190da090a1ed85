using ChiBo.Discipline;
using ChiBo.Web.Discipline;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>The level picker of the discipline forms: every body of every level above the subject, and the centre.</summary>
public sealed record LevelSelect(string Name, string Label, IReadOnlyList<LevelOption> Levels, string? Selected);

public sealed class CaseForm
{
    public InspectionKind Kind { get; set; } = InspectionKind.ViolationSigns;
    public string? Level { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Content { get; set; }
}

public sealed class FindingsForm
{
    public int Version { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public CaseConclusion Conclusion { get; set; } = CaseConclusion.DisciplineWarranted;
    public string? Findings { get; set; }
}

public sealed class DecisionForm
{
    public DisciplineForm Form { get; set; } = DisciplineForm.Reprimand;
    public string? Level { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? ViolationOn { get; set; }
    public string? Reason { get; set; }
    public string? Position { get; set; }
    public int? CaseId { get; set; }
    public int SubjectVersion { get; set; }
    public string? MoveMembersToCell { get; set; }
}

public sealed class AppealForm
{
    public DateOnly? FiledOn { get; set; }
    public string? Level { get; set; }
    public string? Content { get; set; }
}

public sealed class ResolutionForm
{
    public int Version { get; set; }
    public AppealOutcome Outcome { get; set; } = AppealOutcome.Upheld;
    public DisciplineForm? NewForm { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? ResolutionNumber { get; set; }
    public string? Reason { get; set; }
    public int MemberVersion { get; set; }
}

/// <summary>A date a form left empty is refused by name rather than taken as some default.</summary>
public static class FormDates
{
    public static DateOnly Required(DateOnly? value, string field, string label) =>
        value ?? throw new RuleViolationException(field, $"{label} chưa được nhập (dd/MM/yyyy).");
}
