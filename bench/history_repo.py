#!/usr/bin/env python3
"""A `git fast-import` stream that gives a generated site a synthetic history.

    history_repo.py SITE_DIR [--commits 5000] | git -C SITE_DIR fast-import --quiet

Commit 1 adds site.yml and the registries; the next 40 % of commits add the models and
reports in path order, a few per commit; the rest edit 1-3 random files each (models
mostly, sometimes a report or to-chuc.yml). Twelve authors, one commit about every seven
hours from 04/01/2021 (+07:00). Every file's last touch writes the content the generator
left on disk, so the work tree equals HEAD. Deterministic: same input, same repository.
"""
import argparse
import os
import random
import sys

AUTHORS = [
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thu Hà", "Huỳnh Minh Hùng",
    "Thạch Sa Rinh", "Sơn Thị Lan", "Kim Ngọc Mai", "Đặng Quốc Nam", "Võ Thanh Phúc",
    "Nguyễn Thị Chi", "Trần Hữu Long",
]
EMAILS = [f"tac-gia-{i}@example.org" for i in range(len(AUTHORS))]
START = 1609725600  # 2021-01-04 09:00 +07:00
STEP = 25000  # seconds between commits


def site_files(root):
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            out.append(path)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--commits", type=int, default=5000)
    a = ap.parse_args()
    rng = random.Random(5000)
    files = site_files(a.site)
    first = [p for p in files if p in ("site.yml", "content/danh-muc.yml", "content/to-chuc.yml")]
    rest = [p for p in files if p not in first]
    add_commits = max(1, int(a.commits * 0.4))
    edit_commits = a.commits - 1 - add_commits
    plan = [first]
    per = -(-len(rest) // add_commits)
    plan += [rest[i * per:(i + 1) * per] for i in range(add_commits)]
    models = [p for p in rest if p.startswith("content/mo-hinh/")]
    reports = [p for p in rest if p.startswith("content/bao-cao/")] or models
    for _ in range(edit_commits):
        touched = set()
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            touched.add(rng.choice(models) if r < 0.8 else rng.choice(reports) if r < 0.95 else "content/to-chuc.yml")
        plan.append(sorted(touched))
    last = {}
    for i, paths in enumerate(plan):
        for p in paths:
            last[p] = i
    out = sys.stdout.buffer
    drafts = {}
    for i, paths in enumerate(plan):
        who = i % len(AUTHORS) if i < add_commits else rng.randrange(len(AUTHORS))
        when = f"{START + i * STEP} +0700"
        ident = f"{AUTHORS[who]} <{EMAILS[who]}> {when}".encode()
        verb = "Thêm" if 0 < i <= add_commits else "Khởi tạo" if i == 0 else "Cập nhật"
        message = f"{verb} {', '.join(os.path.basename(p) for p in paths[:3])}\n".encode()
        out.write(b"commit refs/heads/main\nmark :%d\n" % (i + 1))
        out.write(b"author " + ident + b"\ncommitter " + ident + b"\n")
        out.write(b"data %d\n" % len(message) + message)
        if i > 0:
            out.write(b"from :%d\n" % i)
        for p in paths:
            with open(os.path.join(a.site, p), "rb") as f:
                data = f.read()
            if last[p] != i:
                drafts[p] = drafts.get(p, 0) + 1
                data += f"\nBản nháp lần {drafts[p]}.\n".encode()
            out.write(f"M 100644 inline {p}\n".encode() + b"data %d\n" % len(data) + data + b"\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
