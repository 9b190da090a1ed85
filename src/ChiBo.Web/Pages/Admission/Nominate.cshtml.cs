using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Admission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Admission;

/// <summary>
/// Giới thiệu quần chúng ưu tú: the cell opens a file with the candidate's CV data (lý lịch), from
/// the cell's page. Only the cell's committee does this (the first act of the procedure).
/// </summary>
[Requires(Operation.MembersWrite)]
public sealed class NominateModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    private static readonly string[] Inputs =
    [
        "FullName", "OtherNames", "Gender", "BirthDate", "BirthPlace", "HomeTown", "Residence", "Cccd", "Ethnicity", "Religion",
        "GeneralEducation", "Professional", "ProfessionalField", "Occupation", "Workplace", "Position", "YouthUnion", "NominatedOn",
    ];

    public string? Error { get; private set; }
    public Organization? Cell { get; private set; }
    public bool MayNominate { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? cell, CancellationToken ct)
    {
        if (!await LoadAsync(cell, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? cell, CancellationToken ct)
    {
        if (!await LoadAsync(cell, ct))
        {
            return NotFound();
        }

        if (!MayNominate)
        {
            return Forbid();
        }

        var f = new PostedForm(Request.Form, ModelState);
        var profile = new MemberProfile
        {
            FullName = f.Text("FullName") ?? "",
            OtherNames = f.Text("OtherNames"),
            Gender = f.Choice<Gender>("Gender", "giới tính") ?? Gender.Male,
            BirthDate = f.Date("BirthDate", "Ngày sinh") ?? default,
            BirthPlace = f.Text("BirthPlace"),
            HomeTown = f.Text("HomeTown"),
            Residence = f.Text("Residence"),
            Cccd = f.Text("Cccd"),
            Ethnicity = f.Int("Ethnicity", "Dân tộc", required: false) ?? Ethnicities.Kinh,
            Religion = f.Choice<Religion>("Religion", "tôn giáo", Religion.None) ?? Religion.None,
            GeneralEducation = f.Choice<GeneralEducation>("GeneralEducation", "trình độ giáo dục phổ thông", GeneralEducation.UpperSecondary) ?? GeneralEducation.UpperSecondary,
            Professional = f.Choice<ProfessionalLevel>("Professional", "trình độ chuyên môn", ProfessionalLevel.None) ?? ProfessionalLevel.None,
            ProfessionalField = f.Text("ProfessionalField"),
            Occupation = f.Text("Occupation"),
            Workplace = f.Text("Workplace"),
            Position = f.Text("Position"),
            YouthUnion = f.Bool("YouthUnion"),
        };
        var nominatedOn = f.Date("NominatedOn", "Ngày chi bộ giới thiệu");
        if (f.Valid)
        {
            try
            {
                var c = await new AdmissionCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor(), HttpContext.CccdPolicy())
                    .NominateAsync(new CandidateNomination(profile, Cell!.Id, nominatedOn!.Value), ct);
                return Redirect($"/ket-nap/{c.Id}?da={AdmissionProcedure.Nominate.Key}");
            }
            catch (ForbiddenException)
            {
                return Forbid();
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, Inputs);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string? cell, CancellationToken ct)
    {
        Today = clock.Today();
        var lookup = await HttpContext.FindAsync(db, cell, Operation.MembersWrite);
        if (!lookup.Found || lookup.Organization is not { } org || !org.Kind.HoldsMembers())
        {
            Error = $"Không có chi bộ mã \"{cell}\" trong phạm vi bạn được cập nhật. Quần chúng ưu tú được giới thiệu từ trang của một chi bộ.";
            return false;
        }

        Cell = org;
        MayNominate = AdmissionProcedure.ActsAt(await HttpContext.ScopeAsync(), AdmissionLevel.Cell, await CandidateChain.OfAsync(db, org, ct));
        ViewData["Title"] = "Giới thiệu quần chúng ưu tú – " + org.Name;
        ViewData["ScopeOrg"] = org.Code;
        return true;
    }
}
