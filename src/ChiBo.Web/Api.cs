namespace ChiBo.Web;

public static class Api
{
    /// <summary>Every JSON endpoint, grouped by feature under /api.</summary>
    public static void MapChiBoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        Reports.ReportsApi.Map(api.MapGroup("/reports"));
        Members.ExcelEndpoints.Map(api.MapGroup("/members"));
        Members.BadgesApi.Map(api.MapGroup("/members"));
        Admission.AdmissionApi.Map(api.MapGroup("/admission"));
        Transfers.TransfersApi.Map(api.MapGroup("/transfers"));
        Fees.FeesApi.Map(api.MapGroup("/fees"));
    }
}
