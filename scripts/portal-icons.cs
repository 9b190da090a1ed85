// Usage: dotnet run scripts/portal-icons.cs — writes the member portal's icons (a yellow star on the
// Party red) into src/ChiBo.Web/wwwroot/icons/ as PNG, encoded by hand (no imaging package here).
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
using System.IO.Compression;
using System.Text;

var dir = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "scripts", "..", "src", "ChiBo.Web", "wwwroot", "icons"));
Directory.CreateDirectory(dir);

// "any" icons: a rounded square; the maskable one fills the canvas and keeps the star inside the
// central 80 % circle that launchers never crop.
Write("icon-32.png", 32, corner: 0.18, star: 0.40);
Write("icon-192.png", 192, corner: 0.18, star: 0.36);
Write("icon-512.png", 512, corner: 0.18, star: 0.36);
Write("icon-maskable-512.png", 512, corner: 0, star: 0.28);

void Write(string name, int size, double corner, double star)
{
    var red = (R: 0xB3, G: 0x26, B: 0x1E);
    var yellow = (R: 0xFF, G: 0xD2, B: 0x00);
    var outer = StarPolygon(size / 2.0, size / 2.0 + size * 0.02, size * star);
    var rgba = new byte[size * size * 4];
    const int ss = 4; // 4×4 samples per pixel for smooth edges
    for (var y = 0; y < size; y++)
    {
        for (var x = 0; x < size; x++)
        {
            int inShape = 0, inStar = 0;
            for (var sy = 0; sy < ss; sy++)
            {
                for (var sx = 0; sx < ss; sx++)
                {
                    var px = x + (sx + 0.5) / ss;
                    var py = y + (sy + 0.5) / ss;
                    if (InRoundedSquare(px, py, size, corner * size))
                    {
                        inShape++;
                        if (Inside(outer, px, py))
                        {
                            inStar++;
                        }
                    }
                }
            }

            var n = ss * ss;
            var i = (y * size + x) * 4;
            var t = inShape == 0 ? 0 : (double)inStar / inShape;
            rgba[i] = (byte)Math.Round(red.R + (yellow.R - red.R) * t);
            rgba[i + 1] = (byte)Math.Round(red.G + (yellow.G - red.G) * t);
            rgba[i + 2] = (byte)Math.Round(red.B + (yellow.B - red.B) * t);
            rgba[i + 3] = (byte)Math.Round(255.0 * inShape / n);
        }
    }

    File.WriteAllBytes(Path.Combine(dir, name), Png(size, rgba));
    Console.WriteLine($"{name}: {new FileInfo(Path.Combine(dir, name)).Length} bytes");
}

static bool InRoundedSquare(double x, double y, int size, double r)
{
    if (r <= 0)
    {
        return true;
    }

    var cx = Math.Clamp(x, r, size - r);
    var cy = Math.Clamp(y, r, size - r);
    return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

static (double X, double Y)[] StarPolygon(double cx, double cy, double r)
{
    var points = new (double, double)[10];
    for (var k = 0; k < 10; k++)
    {
        var radius = k % 2 == 0 ? r : r * 0.382;
        var angle = -Math.PI / 2 + k * Math.PI / 5;
        points[k] = (cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
    }

    return points;
}

static bool Inside((double X, double Y)[] poly, double x, double y)
{
    var inside = false;
    for (int i = 0, j = poly.Length - 1; i < poly.Length; j = i++)
    {
        if ((poly[i].Y > y) != (poly[j].Y > y) && x < (poly[j].X - poly[i].X) * (y - poly[i].Y) / (poly[j].Y - poly[i].Y) + poly[i].X)
        {
            inside = !inside;
        }
    }

    return inside;
}

// PNG: signature, IHDR (RGBA, 8 bits), IDAT (zlib of rows, each with the Sub filter), IEND.
static byte[] Png(int size, byte[] rgba)
{
    var raw = new MemoryStream();
    for (var y = 0; y < size; y++)
    {
        raw.WriteByte(1);
        for (var x = 0; x < size * 4; x++)
        {
            var v = rgba[y * size * 4 + x];
            var left = x >= 4 ? rgba[y * size * 4 + x - 4] : (byte)0;
            raw.WriteByte((byte)(v - left));
        }
    }

    var packed = new MemoryStream();
    using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
    {
        raw.Position = 0;
        raw.CopyTo(z);
    }

    var png = new MemoryStream();
    png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    var header = new byte[13];
    BigEndian(header, 0, size);
    BigEndian(header, 4, size);
    header[8] = 8;
    header[9] = 6;
    Chunk(png, "IHDR", header);
    Chunk(png, "IDAT", packed.ToArray());
    Chunk(png, "IEND", []);
    return png.ToArray();
}

static void Chunk(Stream s, string type, byte[] data)
{
    var len = new byte[4];
    BigEndian(len, 0, data.Length);
    s.Write(len);
    var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
    s.Write(typed);
    var crc = new byte[4];
    BigEndian(crc, 0, (int)Crc32(typed));
    s.Write(crc);
}

static void BigEndian(byte[] b, int at, int v)
{
    b[at] = (byte)(v >> 24);
    b[at + 1] = (byte)(v >> 16);
    b[at + 2] = (byte)(v >> 8);
    b[at + 3] = (byte)v;
}

static uint Crc32(byte[] data)
{
    var crc = 0xFFFFFFFFu;
    foreach (var b in data)
    {
        crc ^= b;
        for (var k = 0; k < 8; k++)
        {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
    }

    return ~crc;
}
