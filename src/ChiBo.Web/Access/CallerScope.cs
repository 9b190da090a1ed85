using System.Security.Claims;
using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using Microsoft.AspNetCore.Authorization;

namespace ChiBo.Web.Access;

public static class CallerScope
{
    public const string AccountIdClaim = "chibo:account";
    public const string StampClaim = "chibo:stamp";

    /// <summary>The server-side <see cref="ChiBo.Access.Session"/> this cookie belongs to.</summary>
    public const string SessionClaim = "chibo:session";

    /// <summary>When the session began (Unix seconds), for the absolute limit.</summary>
    public const string SignedInClaim = "chibo:signed-in";
    private const string ItemKey = "chibo:scope";

    /// <summary>The caller's <see cref="OrgScope"/>, read once per request from the account's role grants.</summary>
    public static async Task<OrgScope> ScopeAsync(this HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var cached) && cached is OrgScope scope)
        {
            return scope;
        }

        scope = OrgScope.Anonymous;
        if (http.User.FindFirstValue(AccountIdClaim) is { } id && int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var accountId))
        {
            var db = http.RequestServices.GetRequiredService<ChiBoDb>();
            scope = await Accounts.ScopeOfAsync(db, accountId, http.RequestAborted);
        }

        http.Items[ItemKey] = scope;
        return scope;
    }

    /// <summary>Who is acting, for commands' timelines and audit: the signed-in account.</summary>
    public static string Actor(this HttpContext http) => http.User.Identity?.Name ?? "anonymous";

    /// <summary>The deployment's limit on CCCD collisions outside an account's scope (<see cref="ChiBo.Members.CccdPolicy.Setting"/>).</summary>
    public static ChiBo.Members.CccdPolicy CccdPolicy(this HttpContext http) => http.RequestServices.GetRequiredService<ChiBo.Members.CccdPolicy>();

    /// <summary>Matches no organization: the view of a caller who holds the operation nowhere.</summary>
    public static readonly ChiBo.Organizations.Subtree Nothing = new(-1, "/0/");

    /// <summary>
    /// The subtree a page or endpoint confines its queries to for an operation: the top of what the
    /// caller holds it on (an account whose grants do not nest sees its first grant's subtree).
    /// </summary>
    public static async Task<ChiBo.Organizations.Subtree> SubtreeAsync(this HttpContext http, string operation)
    {
        var scope = await http.ScopeAsync();
        return scope.Home(operation)
               ?? scope.Roles.Where(r => AccessTable.Allows(r.Role, operation)).Select(r => (ChiBo.Organizations.Subtree?)r.Subtree).FirstOrDefault()
               ?? Nothing;
    }

    /// <summary>
    /// Records that personal data was read (a member's record, a list page) as one audit line.
    /// The line is queued for <see cref="AuditReads"/>' writer, so a view never waits for the
    /// write lock an import holds.
    /// </summary>
    public static async Task AuditReadAsync(this HttpContext http, string what, int? provinceId, int? memberId, int? organizationId)
    {
        var services = http.RequestServices;
        var audit = services.GetRequiredService<AuditScope>();
        await services.GetRequiredService<AuditReads>().EnqueueAsync(new AuditEntry
        {
            Chain = provinceId ?? 0,
            At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Actor = audit.Actor,
            ActorAddress = audit.Address,
            Action = "read",
            EntityType = what,
            EntityId = memberId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? organizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MemberId = memberId,
            OrganizationId = organizationId,
            Changes = http.Request.Path + http.Request.QueryString,
            Reason = audit.Reason,
            DecisionNumber = audit.DecisionNumber,
            PreviousHash = AuditChain.Genesis,
            Hash = "",
        }, http.RequestAborted);
    }

    /// <summary>Resource-based check of an operation on a subtree.</summary>
    public static async Task<bool> CanAsync(this HttpContext http, string operation, ChiBo.Organizations.Subtree subtree)
    {
        var auth = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await auth.AuthorizeAsync(http.User, subtree, new OperationRequirement(operation))).Succeeded;
    }

    /// <summary>Every write of this request is audited as the signed-in account, from the caller's address.</summary>
    public static IApplicationBuilder UseAuditScope(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var audit = http.RequestServices.GetRequiredService<AuditScope>();
        audit.Actor = http.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
        audit.Address = http.Connection.RemoteIpAddress?.ToString();
        await next(http);
    });
}
