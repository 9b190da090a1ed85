using System.Globalization;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;

namespace ChiBo.Reports;

/// <summary>Events of a period [From, To] for a subtree, in the profile's <c>history.periods</c> vocabulary.</summary>
public sealed record Movements(string Org, DateOnly From, DateOnly To, IReadOnlyDictionary<string, int> Counts);

public static class MovementsReport
{
    /// <summary>Profile names of the member events the report counts.</summary>
    public static readonly IReadOnlyList<(string Name, MemberEventKind Kind)> Kinds =
    [
        ("admitted", MemberEventKind.Admitted),
        ("recognizedOfficial", MemberEventKind.RecognizedOfficial),
        ("transferredIn", MemberEventKind.TransferredIn),
        ("transferredOut", MemberEventKind.TransferredOut),
        ("struckOff", MemberEventKind.StruckOff),
        ("removed", MemberEventKind.Removed),
        ("expelled", MemberEventKind.Expelled),
        ("died", MemberEventKind.Died),
    ];

    /// <summary>
    /// Profile names of the discipline counts: members and organizations disciplined in the period
    /// (a decision of any form, khai trừ included, that no appeal annulled), by decision date.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Discipline.DisciplineSubject Subject)> DisciplineKinds =
    [
        ("disciplinedMembers", Discipline.DisciplineSubject.Member),
        ("disciplinedOrganizations", Discipline.DisciplineSubject.Organization),
    ];

    /// <summary>Every count of the report, in the profile's vocabulary.</summary>
    public static IEnumerable<string> Names => Kinds.Select(k => k.Name).Concat(DisciplineKinds.Select(k => k.Name));

    /// <summary>
    /// Counts by the path each event's cell (or the disciplined organization) had when it happened,
    /// within the subtree as it stood at the end of the period.
    /// </summary>
    public static async Task<Movements> RunAsync(ChiBoDb db, OrgLookup org, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var subtree = await AsOf.SubtreeOnAsync(db, org, to, ct) ?? (org.Organization is { } o ? Subtree.Of(o) : Subtree.Everything);
        var sql = new RawSql(db);
        var text = $"SELECT kind, count(*) FROM member_events WHERE date >= {sql.Param(from)} AND date <= {sql.Param(to)} AND {sql.SubtreePredicate(subtree, "cell_path", "province_id")} GROUP BY kind";
        var counts = await sql.QueryAsync(text, async reader =>
        {
            var byKind = new Dictionary<MemberEventKind, int>();
            while (await reader.ReadAsync(ct))
            {
                byKind[(MemberEventKind)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] =
                    Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return byKind;
        }, ct);
        var result = Kinds.ToDictionary(k => k.Name, k => counts.GetValueOrDefault(k.Kind));
        foreach (var (name, count) in await DisciplinedAsync(db, subtree, from, to, ct))
        {
            result[name] = count;
        }

        return new Movements(AsOf.Label(org), from, to, result);
    }

    /// <summary>
    /// The report's counts per path (the path each event's cell, or the disciplined organization or
    /// member's cell, had when it happened) inside a subtree: the plans' dashboard rolls the paths up
    /// to the units one level down. Same predicates as <see cref="RunAsync"/>; two statements.
    /// </summary>
    public static async Task<IReadOnlyList<(string Path, string Name, int Count)>> CountByPathAsync(
        ChiBoDb db, Subtree subtree, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = new List<(string, string, int)>();
        var events = new RawSql(db);
        var text = $"SELECT cell_path, kind, count(*) FROM member_events WHERE date >= {events.Param(from)} AND date <= {events.Param(to)} AND {events.SubtreePredicate(subtree, "cell_path", "province_id")} GROUP BY cell_path, kind";
        var names = Kinds.ToDictionary(k => (int)k.Kind, k => k.Name);
        await events.QueryAsync(text, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                if (names.TryGetValue(Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), out var name))
                {
                    rows.Add((reader.GetString(0), name, Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
                }
            }

            return 0;
        }, ct);

        var decisions = new RawSql(db);
        var disciplined = $"SELECT subject_path, subject, count(*) FROM discipline_decisions WHERE decided_on >= {decisions.Param(from)} AND decided_on <= {decisions.Param(to)} AND annulled = {decisions.Param(false)} AND {decisions.SubtreePredicate(subtree, "subject_path", "province_id")} GROUP BY subject_path, subject";
        var subjects = DisciplineKinds.ToDictionary(k => (int)k.Subject, k => k.Name);
        await decisions.QueryAsync(disciplined, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), subjects[Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)],
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }

            return 0;
        }, ct);
        return rows;
    }

    private static async Task<IReadOnlyList<(string Name, int Count)>> DisciplinedAsync(ChiBoDb db, Subtree subtree, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var text = $"SELECT subject, count(*) FROM discipline_decisions WHERE decided_on >= {sql.Param(from)} AND decided_on <= {sql.Param(to)} AND annulled = {sql.Param(false)} AND {sql.SubtreePredicate(subtree, "subject_path", "province_id")} GROUP BY subject";
        var counts = await sql.QueryAsync(text, async reader =>
        {
            var bySubject = new Dictionary<Discipline.DisciplineSubject, int>();
            while (await reader.ReadAsync(ct))
            {
                bySubject[(Discipline.DisciplineSubject)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] =
                    Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return bySubject;
        }, ct);
        return DisciplineKinds.Select(k => (k.Name, counts.GetValueOrDefault(k.Subject))).ToList();
    }
}
