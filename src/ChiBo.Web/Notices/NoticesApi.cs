using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Notices;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Notices;

public sealed record NoticeDto(
    long Id, string Title, string Body, string BodyHtml, DateOnly PublishedOn, DateOnly? ExpiresOn, string OrgCode, string OrgName,
    string PostedBy, DateTimeOffset PostedAt, bool Active, bool Withdrawn, int Version);

public sealed record NoticePageDto(int Total, int Page, int PageSize, IReadOnlyList<NoticeDto> Items);

public sealed record NoticeRequest(string? Org, string? Title, string? Body, DateOnly? PublishedOn, DateOnly? ExpiresOn);

/// <summary>Thông báo: notices of the caller's chain and subtree; committees post to theirs.</summary>
public static class NoticesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.NoticesRead);
        group.MapGet("/{id:long}", GetAsync).Requires(Operation.NoticesRead);
        group.MapPost("/", PostAsync).Requires(Operation.NoticesWrite);
        group.MapDelete("/{id:long}", WithdrawAsync).Requires(Operation.NoticesWrite);
    }

    public static NoticeDto Dto(NoticeItem n, DateOnly today) => new(
        n.Id, n.Title, n.Body, NoticeText.ToHtml(n.Body), n.PublishedOn, n.ExpiresOn, n.OrgCode, n.OrgName, n.PostedBy, n.PostedAt,
        n.ActiveOn(today), n.Withdrawn, n.Version);

    private static NotFound<ProblemDetails> NoNotice(long id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy thông báo",
        Detail = $"Không có thông báo mã {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} trong phạm vi bạn được xem.",
    });

    /// <summary>Committees may also see scheduled, expired and withdrawn notices (<c>?all=true</c>).</summary>
    internal static async Task<bool> SeesInactiveAsync(this HttpContext http, bool asked) =>
        asked && (await http.ScopeAsync()).Can(Operation.NoticesWrite);

    private static async Task<Results<Ok<NoticePageDto>, BadRequest<ProblemDetails>>> ListAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, bool? all, int? page, CancellationToken ct)
    {
        if (page is < 1)
        {
            return Problems.Field("page", "Trang phải từ 1 trở lên.");
        }

        var today = clock.Today();
        var view = ChainView.Of(await http.ScopeAsync(), Operation.NoticesRead);
        var list = await NoticeQueries.ListAsync(db, view, today, await http.SeesInactiveAsync(all == true), page ?? 1, 20, ct);
        return TypedResults.Ok(new NoticePageDto(list.Total, list.Page, list.PageSize, list.Items.Select(n => Dto(n, today)).ToList()));
    }

    private static async Task<Results<Ok<NoticeDto>, NotFound<ProblemDetails>>> GetAsync(long id, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var view = ChainView.Of(await http.ScopeAsync(), Operation.NoticesRead);
        var notice = await NoticeQueries.GetAsync(db, view, id, today, await http.SeesInactiveAsync(true), ct);
        return notice is null ? NoNotice(id) : TypedResults.Ok(Dto(notice, today));
    }

    private static async Task<Results<Ok<NoticeDto>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> PostAsync(
        NoticeRequest request, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, request.Org, Operation.NoticesWrite);
        if (!lookup.Found || lookup.Organization is not { } org)
        {
            return Problems.NoOrg(request.Org);
        }

        var result = await RuleProblems.RunAsync(() => new NoticeCommands(db, clock, http.Actor()).PostAsync(new NoticePost
        {
            OrganizationId = org.Id, Title = request.Title, Body = request.Body, PublishedOn = request.PublishedOn, ExpiresOn = request.ExpiresOn,
        }, ct));
        return result.Result switch
        {
            Ok<Notice> ok => TypedResults.Ok(Dto((await NoticeQueries.GetAsync(db, new ChainView([Subtree.Everything]), ok.Value!.Id, clock.Today(), true, ct))!, clock.Today())),
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>Withdraws a notice of an organization in the caller's write scope (<c>?version=</c> as read).</summary>
    private static async Task<Results<Ok<NoticeDto>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> WithdrawAsync(
        long id, int? version, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await CanWriteAsync(http, db, id))
        {
            return NoNotice(id);
        }

        var result = await RuleProblems.RunAsync(() => new NoticeCommands(db, clock, http.Actor()).WithdrawAsync(id, version ?? -1, ct));
        return result.Result switch
        {
            Ok<Notice> ok => TypedResults.Ok(Dto((await NoticeQueries.GetAsync(db, new ChainView([Subtree.Everything]), ok.Value!.Id, clock.Today(), true, ct))!, clock.Today())),
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>May the caller post for (and withdraw) this notice's organization?</summary>
    internal static async Task<bool> CanWriteAsync(HttpContext http, ChiBoDb db, long id)
    {
        var org = await (
                from n in db.Notices.AsNoTracking()
                where n.Id == id
                join o in db.Organizations on n.OrganizationId equals o.Id
                select new { o.ProvinceId, o.Path })
            .FirstOrDefaultAsync(http.RequestAborted);
        return org is not null && (await http.ScopeAsync()).Can(Operation.NoticesWrite, new Subtree(org.ProvinceId, org.Path));
    }
}
