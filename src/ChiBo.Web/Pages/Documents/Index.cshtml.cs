using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Documents;

/// <summary>Thư viện văn bản: search without diacritics, filters by kind, issuer and year, 20 a page.</summary>
[Requires(Operation.DocumentsRead)]
public sealed class IndexModel(ChiBoDb db) : PageModel
{
    public DocumentFilter Filter { get; private set; } = new();
    public string? Error { get; private set; }
    public DocumentPage? Result { get; private set; }
    public IReadOnlyList<string> Issuers { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanUpload { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Thư viện văn bản";
        CanUpload = (await HttpContext.ScopeAsync()).Can(Operation.DocumentsWrite);
        if (DocumentWeb.ParseFilter(Request.Query, out _, out var error) is not { } filter)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Filter = filter;
        var view = await HttpContext.ViewAsync();
        Result = await DocumentQueries.SearchAsync(db, view, filter, ct);
        (Issuers, Years) = await DocumentQueries.FacetsAsync(db, view, ct);
    }

    public string PageLink(int page) => "/tai-lieu" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Filter.Query,
        ["kind"] = Filter.Kind is { } k ? Labels.ApiName(k) : null,
        ["issuer"] = Filter.Issuer,
        ["year"] = Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToUriComponent();

    public string DetailsLink(long id) => $"/tai-lieu/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        + (Filter.Query is { } q ? QueryString.Create("q", q).ToUriComponent() : "");
}
