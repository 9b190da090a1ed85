using ChiBo.Data;
using ChiBo.Portal;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Portal;

/// <summary>Asking the cell committee to correct a field of my record (đề nghị đính chính).</summary>
public sealed class CorrectionModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public static readonly IReadOnlyList<CorrectableField> Fields = Enum.GetValues<CorrectableField>();

    [BindProperty]
    public CorrectableField Field { get; set; } = CorrectableField.FullName;

    [BindProperty]
    public string? ProposedValue { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public async Task OnGetAsync() => await LoadMeAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return Page();
        }

        try
        {
            await RecordCorrections.RequestAsync(Db, Clock, HttpContext.Actor(), Me!.Member.Id, Field, ProposedValue, Reason, ct);
            return Redirect("/so-tay/ho-so#de-nghi");
        }
        catch (RuleViolationException e)
        {
            Error = e.Message;
            ErrorField = e.Field;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
