using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Access;

/// <summary>
/// A signed-in session on the server. The cookie names it; ending the row ends every copy of
/// the cookie (one copied off a shared computer too), which a cookie alone cannot do. Rows stay
/// after they end, as the account's history of sign-ins.
/// </summary>
public sealed class Session
{
    /// <summary>Random, 32 hex digits; carried inside the protected cookie.</summary>
    public required string Id { get; set; }

    public int AccountId { get; set; }
    public DateTimeOffset SignedInAt { get; set; }
    public string? Address { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: sign-out, a new password, a change of roles.</summary>
    public string? EndedBecause { get; set; }
}

/// <summary>Starting and ending sessions. Idle (2 h) and absolute (12 h) limits are checked on every request by the web app.</summary>
public static class Sessions
{
    public const string SignedOut = "Đăng xuất";
    public const string PasswordChanged = "Đổi mật khẩu";
    public const string RolesChanged = "Thay đổi vai trò";

    public static async Task<Session> StartAsync(ChiBoDb db, int accountId, string? address, TimeProvider clock, CancellationToken ct)
    {
        var session = new Session
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            AccountId = accountId,
            SignedInAt = clock.GetUtcNow(),
            Address = address,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Whether the session is still open for this account (not signed out, not ended by a change of the account).</summary>
    public static Task<bool> IsOpenAsync(ChiBoDb db, string sessionId, int accountId, string securityStamp, CancellationToken ct) =>
        db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null
            && db.Accounts.Any(a => a.Id == accountId && a.SecurityStamp == securityStamp && !a.Disabled), ct);

    public static async Task EndAsync(ChiBoDb db, string sessionId, string because, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, ct) is { } session)
        {
            End(session, because, clock);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Ends every open session of the account; the caller saves, in the transaction of the change that requires it.</summary>
    public static async Task EndAllAsync(ChiBoDb db, int accountId, string because, TimeProvider clock, CancellationToken ct)
    {
        foreach (var session in await db.Sessions.Where(s => s.AccountId == accountId && s.EndedAt == null).ToListAsync(ct))
        {
            End(session, because, clock);
        }
    }

    private static void End(Session session, string because, TimeProvider clock)
    {
        session.EndedAt = clock.GetUtcNow();
        session.EndedBecause = because;
    }
}
