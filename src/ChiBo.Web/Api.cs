namespace ChiBo.Web;

public static class Api
{
    /// <summary>Every JSON endpoint, grouped by feature under /api.</summary>
    public static void MapChiBoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        Access.AuthApi.Map(api.MapGroup("/auth"));
        Reports.ReportsApi.Map(api.MapGroup("/reports"));
        Audit.AuditApi.Map(api.MapGroup("/audit"));
        Members.ExcelEndpoints.Map(api.MapGroup("/members"));
        Organizations.OrganizationsApi.Map(api.MapGroup("/orgs"));
        Members.MembersApi.Map(api.MapGroup("/members"));
        Members.BadgesApi.Map(api.MapGroup("/members"));
        Admission.AdmissionApi.Map(api.MapGroup("/admission"));
        Transfers.TransfersApi.Map(api.MapGroup("/transfers"));
        Fees.FeesApi.Map(api.MapGroup("/fees"));
        Discipline.DisciplineApi.Map(api.MapGroup("/discipline"));
        Members.MemberLifeApi.Map(api.MapGroup("/members"));
        Documents.DocumentsApi.Map(api.MapGroup("/documents"));
        Notices.NoticesApi.Map(api.MapGroup("/notices"));
        Procedures.ProceduresApi.Map(api.MapGroup("/procedures"));
        Notifications.NotificationsApi.Map(api.MapGroup("/notifications"));
        Meetings.MeetingsApi.Map(api.MapGroup("/meetings"));
        Ratings.RatingsApi.Map(api.MapGroup("/ratings"));
        Cadres.CommitteesApi.Map(api.MapGroup("/committees"));
        Villages.VillagesApi.Map(api.MapGroup("/villages"));
        Cadres.CadresApi.Map(api.MapGroup("/cadres"));
        Cadres.EvaluationsApi.Map(api.MapGroup("/evaluations"));
        Plans.PlansApi.Map(api.MapGroup("/plans"));
    }
}
