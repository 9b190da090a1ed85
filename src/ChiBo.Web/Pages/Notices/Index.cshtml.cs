using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Notices;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Notices;

/// <summary>Thông báo: the notices of the caller's chain and subtree; committees post and withdraw theirs.</summary>
[Requires(Operation.NoticesRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public NoticePage? Result { get; private set; }
    public bool CanPost { get; private set; }
    public bool All { get; private set; }
    public string? DefaultOrg { get; private set; }
    public HashSet<long> Withdrawable { get; } = [];
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public NoticeForm Input { get; set; } = new();

    public sealed class NoticeForm
    {
        public string? Org { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        public DateOnly? PublishedOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    public async Task OnGetAsync(bool? all, int? page, string? done, CancellationToken ct)
    {
        Message = done switch
        {
            "dang" => "Đã đăng thông báo.",
            "thu-hoi" => "Đã thu hồi thông báo.",
            _ => null,
        };
        await LoadAsync(all == true, page ?? 1, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lookup = await HttpContext.FindAsync(db, Input.Org, Operation.NoticesWrite);
        if (!lookup.Found || lookup.Organization is not { } org)
        {
            return await FailAsync($"Không có tổ chức đảng mã \"{Input.Org}\" trong phạm vi bạn được đăng thông báo.", ct);
        }

        try
        {
            await new NoticeCommands(db, clock, HttpContext.Actor()).PostAsync(new NoticePost
            {
                OrganizationId = org.Id, Title = Input.Title, Body = Input.Body, PublishedOn = Input.PublishedOn, ExpiresOn = Input.ExpiresOn,
            }, ct);
        }
        catch (RuleViolationException e)
        {
            return await FailAsync(e.Message, ct);
        }

        return Redirect("/thong-bao?done=dang");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, int version, CancellationToken ct)
    {
        if (!await NoticesApi.CanWriteAsync(HttpContext, db, id))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = $"Không có thông báo mã {id} trong phạm vi bạn được thu hồi.";
            await LoadAsync(false, 1, ct);
            return Page();
        }

        try
        {
            await new NoticeCommands(db, clock, HttpContext.Actor()).WithdrawAsync(id, version, ct);
        }
        catch (RuleViolationException e)
        {
            return await FailAsync(e.Message, ct);
        }

        return Redirect("/thong-bao?done=thu-hoi");
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(false, 1, ct);
        return Page();
    }

    private async Task LoadAsync(bool all, int page, CancellationToken ct)
    {
        ViewData["Title"] = "Thông báo";
        Today = clock.Today();
        var scope = await HttpContext.ScopeAsync();
        CanPost = scope.Can(Operation.NoticesWrite);
        All = await HttpContext.SeesInactiveAsync(all);
        Result = await NoticeQueries.ListAsync(db, ChainView.Of(scope, Operation.NoticesRead), Today, All, Math.Max(1, page), 20, ct);
        if (CanPost)
        {
            var home = await HttpContext.FindAsync(db, "root", Operation.NoticesWrite);
            DefaultOrg = Input.Org ?? home.Organization?.Code;
            foreach (var n in Result.Items)
            {
                if (!n.Withdrawn && await NoticesApi.CanWriteAsync(HttpContext, db, n.Id))
                {
                    Withdrawable.Add(n.Id);
                }
            }
        }
    }
}
