using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Members;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Members;

public sealed record MemberItemDto(
    int Id, string FullName, DateOnly BirthDate, string Gender, string CellCode, string CellName, string Status, DateOnly AdmittedOn);

public sealed record MemberPageDto(int Total, int Page, int PageSize, IReadOnlyList<MemberItemDto> Items);

public sealed record CellDto(string Code, string Name);

public sealed record TimelineDto(
    DateOnly Date,
    string Kind,
    string KindLabel,
    string? CellCode,
    string? CellName,
    string? OtherCellCode,
    string? DecisionNumber,
    string? Reason,
    string? Details,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? DecidedBy = null);

public sealed record MemberDto(
    int Id,
    string FullName,
    string? OtherNames,
    string Gender,
    DateOnly BirthDate,
    string? BirthPlace,
    string? HomeTown,
    string? Residence,
    string? Cccd,
    int? EthnicityCode,
    string? Ethnicity,
    string? Religion,
    string? Occupation,
    string? Workplace,
    string? Position,
    string GeneralEducation,
    string Professional,
    string? ProfessionalField,
    bool ScienceTechnology,
    string PoliticalTheory,
    string? ForeignLanguage,
    string CivilServiceGrade,
    bool YouthUnion,
    bool Enterprise,
    bool Retired,
    string? PartyCardNumber,
    DateOnly AdmittedOn,
    DateOnly? OfficialOn,
    string Status,
    string CellCode,
    CellDto Cell,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineDto> Timeline,
    string? ExemptionGround = null,
    DateOnly? ExemptionReviewOn = null,
    int Version = 0);

public static class MembersApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.MembersRead);
        group.MapGet("/{id:int}", GetAsync).Requires(Operation.MembersRead);
    }

    private static async Task<Results<Ok<MemberPageDto>, ProblemHttpResult>> ListAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (MemberFilter.Parse(http.Request.Query, out var field, out var error) is not { } filter)
        {
            return Problems.Invalid(field!, error!);
        }

        var scope = await http.SubtreeAsync(Operation.MembersRead);
        var lookup = await OrgTree.FindAsync(db, scope, filter.Org, ct);
        if (!lookup.Found)
        {
            return Problems.OrgNotFound(filter.Org);
        }

        MemberPage page;
        try
        {
            page = await MemberList.RunAsync(db, lookup.Subtree, filter, clock.Today(), await http.ScopeAsync(), ct);
        }
        catch (RuleViolationException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }

        await http.AuditReadAsync("MemberList", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        return TypedResults.Ok(new MemberPageDto(page.Total, page.Page, page.PageSize, page.Items
            .Select(r => new MemberItemDto(r.Id, r.FullName, r.BirthDate, Labels.ApiName(r.Gender), r.CellCode, r.CellName, Labels.ApiName(r.Status), r.AdmittedOn))
            .ToList()));
    }

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> GetAsync(int id, HttpContext http, ChiBoDb db)
    {
        if (await MemberRecords.ReadAsync(http, db, id) is not { } record)
        {
            return Problems.MemberNotFound(id);
        }

        var m = record.Member;
        var p = m.Profile;
        return TypedResults.Ok(new MemberDto(
            m.Id, p.FullName, p.OtherNames, Labels.ApiName(p.Gender), p.BirthDate, p.BirthPlace, p.HomeTown, p.Residence,
            p.Cccd,
            p.Ethnicity,
            p.Ethnicity is { } ethnicity ? Ethnicities.NameOf(ethnicity) : null,
            p.Religion is { } religion ? Labels.ApiName(religion) : null, p.Occupation, p.Workplace, p.Position,
            Labels.ApiName(p.GeneralEducation), Labels.ApiName(p.Professional), p.ProfessionalField, p.ScienceTechnology,
            Labels.ApiName(p.PoliticalTheory), p.ForeignLanguage, Labels.ApiName(p.CivilServiceGrade), p.YouthUnion, p.Enterprise,
            p.Retired, p.PartyCardNumber, m.AdmittedOn, m.OfficialOn, Labels.ApiName(m.Status), record.Cell.Code,
            new CellDto(record.Cell.Code, record.Cell.Name), m.UpdatedAt,
            record.Timeline.Select(e => new TimelineDto(
                e.Date, Labels.ApiName(e.Kind), Labels.Of(e.Kind), e.Cell?.Code, e.Cell?.Name, e.OtherCell?.Code,
                e.DecisionNumber, e.Reason, e.Details, e.RecordedBy, e.RecordedAt, e.DecidedBy)).ToList(),
            m.ExemptionGround is { } g ? Labels.ApiName(g) : null, m.ExemptionReviewOn, m.Version));
    }
}
