"""WARC scan benchmark: peak memory and records/s of ``tenderwatch scan`` over a large WARC (not a test).

Usage: .venv/bin/python benchmarks/bench_warc.py [--mb 100 1000] [--workdir DIR] [--keep] [--plain]
                                                  [--no-oversized]

For each size in ``--mb`` it writes a synthetic crawl WARC with warcio (gzipped unless
``--plain``): per ~1.1 MB "page visit" a request record, four notice pages (UTF-8 and GBK,
one gzip content-encoded and chunked), a JSON list answer, a 404 and a 1 MB image (skipped by
media type, but streamed through); plus (unless ``--no-oversized``) one 60 MB PDF response,
over the 50 MB per-record limit. It then scans the WARC into a fresh store in a child process
and reports the child's CPU time (``time.process_time``), peak RSS (``ru_maxrss``), records and
documents per CPU second, and the outcome counts; and runs ``archive verify`` over it in
another child (CPU time, peak RSS, MB/CPU s). Memory that stays flat from the small WARC to the large one
shows the records are streamed. Writes benchmarks/results/warc.json.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "warc.json"
PAGE = (
    "<html><head><meta charset=\"{charset}\"><title>{title}</title></head><body><h1>{title}</h1>"
    "<p>采购人：{buyer}</p><p>项目编号：BENCH-{n:06d}</p>"
    "<p>采购内容：{what}，预算金额：{amount}万元。</p><p>发布日期：2024年3月{day}日</p>{filler}</body></html>"
)
WHAT = ["GPU服务器1台，配置NVIDIA A100 80GB GPU 8块", "办公桌椅50套", "笔记本电脑30台", "云服务器租赁服务一年",
        "NVIDIA H100 GPU计算卡4块", "复印纸200箱", "高性能计算集群（含RTX 4090显卡16块）", "物业管理服务"]


def _page(n: int, charset: str) -> bytes:
    rng = random.Random(n)
    filler = "".join(f"<p>第{i}条：供应商应具备相应资质，响应文件须按要求密封提交。</p>" for i in range(rng.randint(5, 40)))
    html = PAGE.format(charset=charset, title=f"示例单位{n}采购项目公开招标公告", buyer=f"示例单位{n % 97}",
                       n=n, what=WHAT[n % len(WHAT)], amount=rng.randint(5, 900), day=1 + n % 28, filler=filler)
    return html.encode(charset)


def build(path: Path, megabytes: int, compress: bool, oversized: bool = True) -> dict[str, int]:
    """Write the synthetic WARC; return how many records of each kind it holds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    counts = {"request": 0, "notice": 0, "json": 0, "404": 0, "image": 0, "oversized": 0}
    image = os.urandom(1_000_000)  # one incompressible body, written again and again

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench_warc/1.0"}))

        def response(url: str, body: bytes, headers: list[tuple[str, str]], status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            date = {"WARC-Date": f"2024-03-{1 + counts['notice'] % 28:02d}T08:00:00Z"}
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http, warc_headers_dict=date))

        if oversized:
            big = b"%PDF-1.4\n" + os.urandom(60_000_000)
            response("http://bench.example.cn/huge.pdf", big, [("Content-Type", "application/pdf")])
            counts["oversized"] += 1
            del big
        visit = 0
        while out.tell() < megabytes * 1_000_000:
            visit += 1
            base = f"http://bench.example.cn/cggg/{visit // 1000}/{visit}"
            req = StatusAndHeaders("GET /cggg HTTP/1.1", [("Host", "bench.example.cn")], is_http_request=True)
            writer.write_record(writer.create_warc_record(base + "/list", "request", payload=io.BytesIO(b""),
                                                          http_headers=req))
            counts["request"] += 1
            for k in range(4):
                n = visit * 4 + k
                charset = "gbk" if k % 2 else "utf-8"
                body, headers = _page(n, charset), [("Content-Type", f"text/html; charset={charset}")]
                if k == 3:
                    body = gzip.compress(body)
                    headers += [("Content-Encoding", "gzip")]
                response(f"{base}/t{n}.htm", body, headers)
                counts["notice"] += 1
            answer = {"data": [{"id": f"j{visit}-{i}", "title": f"示例{visit}-{i}采购意向", "content": WHAT[i],
                                "url": f"{base}/j{i}.html"} for i in range(5)]}
            response(f"{base}/api/list.json", json.dumps(answer, ensure_ascii=False).encode(),
                     [("Content-Type", "application/json")])
            counts["json"] += 1
            response(f"{base}/gone.htm", b"<html>Not Found</html>", [("Content-Type", "text/html")], "404 Not Found")
            counts["404"] += 1
            response(f"{base}/photo.jpg", image, [("Content-Type", "image/jpeg")])
            counts["image"] += 1
    return counts


def child(warc: Path, db: Path) -> None:
    import tenderwatch.scan
    from tenderwatch.store.db import Store

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        counts = tenderwatch.scan.scan([warc], store)
    result = {
        "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
        "documents": counts.documents, "failed": counts.failed, "relevant": counts.relevant,
        "warc_records": counts.warc, "rss_before_scan_kb": rss_before,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    print(json.dumps(result, ensure_ascii=False))


def verify_child(warc: Path) -> None:
    from tenderwatch.read.warcverify import verify_paths

    start, cpu = time.perf_counter(), time.process_time()
    reports = list(verify_paths([warc]))
    result = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
              "ok": all(r.ok for r in reports), "records": sum(r.records for r in reports),
              "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    print(json.dumps(result))


def _child(*args: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=dict(os.environ, PYTHONHASHSEED="0"))
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(warc: Path, db: Path) -> dict[str, Any]:
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    result = _child("--child", str(warc), str(db))
    records = sum(result["warc_records"].values())
    result["records"] = records
    result["records_per_cpu_s"] = records / result["cpu_seconds"] if result["cpu_seconds"] else 0.0
    result["documents_per_cpu_s"] = result["documents"] / result["cpu_seconds"] if result["cpu_seconds"] else 0.0
    result["store_bytes"] = db.stat().st_size
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, nargs="+", default=[100, 1000], help="WARC sizes to build, in MB")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the WARC files and stores")
    parser.add_argument("--plain", action="store_true", help="write uncompressed .warc files")
    parser.add_argument("--no-oversized", action="store_true", help="leave out the 60 MB record")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--verify-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.verify_child:
        verify_child(args.verify_child)
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tw-bench-warc-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = []
    for megabytes in args.mb:
        warc = work / f"bench-{megabytes}mb.warc{'' if args.plain else '.gz'}"
        cpu = time.process_time()
        built = build(warc, megabytes, not args.plain, not args.no_oversized)
        print(f"built {warc.name}: {warc.stat().st_size / 1e6:.0f} MB, {built} "
              f"({time.process_time() - cpu:.1f} CPU s)", flush=True)
        result = {"warc_mb": round(warc.stat().st_size / 1e6), "built": built, **run(warc, work / f"{megabytes}.db")}
        runs.append(result)
        print(f"  scan: {result['cpu_seconds']:.1f} CPU s ({result['seconds']:.1f} s wall), peak RSS "
              f"{result['maxrss_kb'] / 1024:.0f} MB (before the scan {result['rss_before_scan_kb'] / 1024:.0f} MB), "
              f"{result['records']} records = {result['records_per_cpu_s']:.0f}/CPU s, {result['documents']} documents"
              f" = {result['documents_per_cpu_s']:.0f}/CPU s, store {result['store_bytes'] / 1e6:.0f} MB", flush=True)
        print(f"  outcomes: {result['warc_records']}", flush=True)
        check = _child("--verify-child", str(warc))
        check["mb_per_cpu_s"] = result["warc_mb"] / check["cpu_seconds"] if check["cpu_seconds"] else 0.0
        result["verify"] = check
        print(f"  archive verify: {check['records']} records, ok={check['ok']}, {check['cpu_seconds']:.1f} CPU s "
              f"({check['mb_per_cpu_s']:.0f} MB/CPU s), peak RSS {check['maxrss_kb'] / 1024:.0f} MB", flush=True)
        if not args.keep:
            warc.unlink()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"python": sys.version.split()[0], "oversized_record": not args.no_oversized,
                                   "runs": runs}, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
