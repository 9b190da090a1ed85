using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cli;

/// <summary>
/// chibo bench documents: files N synthetic Vietnamese documents (each through the command that
/// uploads, extracts and indexes) into a scratch database, then times library searches as a cell
/// member runs them (full-text match, rank, page of 20 with snippets), warm.
/// </summary>
internal static class DocumentBench
{
    private static readonly string[] Queries =
    [
        "nghi quyet dang bo", "chỉ thị 50-CT/TW", "sinh hoat chi bo", "dang phi", "xay dung dang", "phong chong tham nhung",
        "chuyen doi so", "kinh te tap the", "cong tac can bo", "doi moi phuong thuc lanh dao", "dang", "khong co tu nay",
    ];

    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        cl.Allow("db", "count", "runs", "seed");
        var count = cl.Int("count", 2000);
        var runs = cl.Int("runs", 20);
        var scratch = cl.Optional("db") is null;
        var target = scratch
            ? DatabaseTarget.Parse(Path.Combine(Path.GetTempPath(), $"chibo-bench-documents-{Guid.NewGuid():N}.db"))
            : ChiBoCli.Target(cl);
        try
        {
            await target.MigrateAsync(ct);
            await using var db = target.CreateContext();
            var (root, cell) = await TreeAsync(db, ct);
            var random = new Random(cl.Int("seed", 7));
            var commands = new DocumentCommands(db, TimeProvider.System, "bench");
            var load = Stopwatch.StartNew();
            long bytes = 0;
            for (var i = 0; i < count; i++)
            {
                var (title, body) = Synthetic(random, i);
                var content = Encoding.UTF8.GetBytes(body);
                bytes += content.Length;
                await commands.UploadAsync(new DocumentUpload
                {
                    OrganizationId = root.Id, Kind = (DocumentKind)(1 + (i % 9)), Number = $"{i + 1}-NQ/BM",
                    IssuedOn = new DateOnly(2015, 1, 1).AddDays(random.Next(4000)), Issuer = Issuers[i % Issuers.Length],
                    Title = title, FileName = $"van-ban-{i + 1}.txt", ContentType = "text/plain", Content = content,
                }, ct);
                db.ChangeTracker.Clear();
            }

            load.Stop();
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# {target} — {count} documents ({bytes / 1024 / 1024} MB of text) filed in {load.Elapsed.TotalSeconds:0.0} s ({load.Elapsed.TotalMilliseconds / count:0.0} ms each); {runs} warm runs per query after 2 warm-ups, as a cell member, page of 20 with snippets"));
            io.Out.WriteLine("| query | median ms | p95 ms | results |");
            io.Out.WriteLine("|---|---|---|---|");
            var view = ChainView.OfCell(cell.ProvinceId, cell.Path);
            var all = new List<double>();
            foreach (var q in Queries.Prepend(""))
            {
                var filter = new DocumentFilter { Query = q.Length == 0 ? null : q };
                var total = 0;
                for (var i = 0; i < 2; i++)
                {
                    total = (await DocumentQueries.SearchAsync(db, view, filter, ct)).Total;
                }

                var ms = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var sw = Stopwatch.StartNew();
                    await DocumentQueries.SearchAsync(db, view, filter, ct);
                    ms.Add(sw.Elapsed.TotalMilliseconds);
                }

                ms.Sort();
                all.AddRange(ms);
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(q.Length == 0 ? "(no words: newest first)" : q)} | {ms[ms.Count / 2]:0.0} | {ms[(int)Math.Ceiling(ms.Count * 0.95) - 1]:0.0} | {total} |"));
            }

            all.Sort();
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| all queries | {all[all.Count / 2]:0.0} | {all[(int)Math.Ceiling(all.Count * 0.95) - 1]:0.0} | |"));
            return 0;
        }
        finally
        {
            if (scratch && target.SqliteFile is { } file)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }
    }

    /// <summary>The register's province root and one cell under it; in an empty database, a small tree made for the bench.</summary>
    private static async Task<(Organization Root, Organization Cell)> TreeAsync(ChiBoDb db, CancellationToken ct)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            var province = new Provinces.Province { Code = "BM", Name = "Tỉnh đo hiệu năng" };
            db.Provinces.Add(province);
            await db.SaveChangesAsync(ct);
            var commands = new OrganizationCommands(db, TimeProvider.System, "bench");
            var founded = new DateOnly(2000, 1, 1);
            root = await commands.FoundAsync(new OrganizationFounding("BM", "Đảng bộ tỉnh đo hiệu năng", OrgKind.Province, Sector.Other, founded, null, province.Id), Members.Decision.None, ct);
            var commune = await commands.FoundAsync(new OrganizationFounding("BM.01", "Đảng bộ xã Một", OrgKind.SuperiorToBase, Sector.Commune, founded, root.Id, province.Id), Members.Decision.None, ct);
            await commands.FoundAsync(new OrganizationFounding("BM.01.01", "Chi bộ cơ sở ấp Một", OrgKind.BaseCell, Sector.Commune, founded, commune.Id, province.Id), Members.Decision.None, ct);
        }

        var lo = root.Path;
        var hi = Subtree.Of(root).UpperBound;
        var cell = await db.Organizations.AsNoTracking()
            .Where(o => o.ProvinceId == root.ProvinceId && (o.Kind == OrgKind.Cell || o.Kind == OrgKind.BaseCell)
                        && string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0)
            .OrderBy(o => o.Id).FirstAsync(ct);
        return (root, cell);
    }

    private static readonly string[] Issuers = ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Đảng ủy xã"];

    private static readonly string[] Subjects =
    [
        "Nghị quyết Đảng bộ", "chất lượng sinh hoạt chi bộ", "công tác xây dựng Đảng", "phòng, chống tham nhũng, tiêu cực", "chuyển đổi số",
        "kinh tế tập thể", "công tác cán bộ", "đổi mới phương thức lãnh đạo", "đảng phí", "kết nạp đảng viên", "học tập và làm theo tư tưởng Hồ Chí Minh",
        "bảo vệ nền tảng tư tưởng của Đảng", "xây dựng nông thôn mới", "giảm nghèo bền vững", "quốc phòng, an ninh", "công tác dân vận",
        "kiểm tra, giám sát", "tổ chức cơ sở đảng", "đánh giá, xếp loại chất lượng", "cải cách hành chính",
    ];

    private static readonly string[] Generic =
    [
        "các nhiệm vụ trọng tâm", "công tác lãnh đạo, chỉ đạo", "việc tổ chức thực hiện", "trách nhiệm của người đứng đầu", "các giải pháp chủ yếu",
        "công tác thông tin, tuyên truyền", "sự phối hợp giữa các cơ quan", "các chỉ tiêu của kế hoạch", "việc sơ kết, tổng kết", "chế độ báo cáo",
    ];

    private static readonly string[] Verbs =
    [
        "Các cấp ủy quán triệt", "Chi bộ tổ chức học tập", "Đảng ủy lãnh đạo thực hiện", "Tăng cường", "Nâng cao hiệu quả",
        "Đẩy mạnh", "Tiếp tục đổi mới", "Kiểm tra việc thực hiện", "Sơ kết, đánh giá", "Xây dựng kế hoạch về",
    ];

    private static readonly string[] Tails =
    [
        "trong toàn Đảng bộ.", "ở các chi bộ trực thuộc.", "gắn với nhiệm vụ chính trị của địa phương.", "theo đúng quy định của Điều lệ Đảng.",
        "trong nhiệm kỳ 2025–2030.", "đến từng đảng viên.", "bảo đảm thiết thực, hiệu quả.", "và báo cáo kết quả về cấp ủy cấp trên.",
    ];

    /// <summary>A title and a body of about 1,500–4,500 words of the register's language.</summary>
    private static (string Title, string Body) Synthetic(Random random, int i)
    {
        var subject = Subjects[random.Next(Subjects.Length)];
        var title = $"Về {subject} (văn bản thử số {i + 1})";
        var sb = new StringBuilder(32_000);
        var sentences = 150 + random.Next(300);
        for (var s = 0; s < sentences; s++)
        {
            // A document keeps to its subject, names a few others and otherwise speaks in general terms.
            var roll = random.Next(100);
            var about = roll < 30 ? subject : roll < 33 ? Subjects[random.Next(Subjects.Length)] : Generic[random.Next(Generic.Length)];
            sb.Append(Verbs[random.Next(Verbs.Length)]).Append(' ').Append(about).Append(' ')
                .Append(Tails[random.Next(Tails.Length)])
                .Append(s % 6 == 5 ? "\n" : " ");
        }

        return (title, sb.ToString());
    }
}
